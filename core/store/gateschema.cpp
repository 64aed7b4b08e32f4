#include "gateschema.h"

namespace pw {

namespace {

QStringList tables()
{
    return {
        // approvers: one login per line, so that PostgreSQL can split them without JSON.
        // outcome: '' while the run waits, then the GateStatus keyword it ended with.
        QStringLiteral("CREATE TABLE gates ("
                       " run_id BIGINT NOT NULL REFERENCES runs (id),"
                       " stage_idx INTEGER NOT NULL,"
                       " stage TEXT NOT NULL,"
                       " approvers TEXT NOT NULL,"
                       " required INTEGER NOT NULL,"
                       " allow_self INTEGER NOT NULL,"
                       " on_timeout_approve INTEGER NOT NULL,"
                       " started_by TEXT NOT NULL,"
                       " opened_at BIGINT NOT NULL,"
                       " deadline BIGINT,"
                       " outcome TEXT NOT NULL DEFAULT '',"
                       " closed_at BIGINT,"
                       " PRIMARY KEY (run_id, stage_idx))"),
        QStringLiteral("CREATE INDEX gates_by_outcome ON gates (outcome, run_id)"),
        // One decision per person and gate: the key makes a second one fail.
        QStringLiteral("CREATE TABLE gate_decisions ("
                       " run_id BIGINT NOT NULL,"
                       " stage_idx INTEGER NOT NULL,"
                       " decided_by TEXT NOT NULL,"
                       " decided_at BIGINT NOT NULL,"
                       " approve INTEGER NOT NULL,"
                       " comment TEXT NOT NULL,"
                       " PRIMARY KEY (run_id, stage_idx, decided_by),"
                       " FOREIGN KEY (run_id, stage_idx) REFERENCES gates (run_id, stage_idx))"),
        // A claim is held by the oldest live claim of its resource; `owner` is host:pid of
        // the process that claimed it, and heartbeat_at says it is still alive.
        QStringLiteral("CREATE TABLE resource_claims ("
                       " id {id},"
                       " resource TEXT NOT NULL,"
                       " run_id BIGINT NOT NULL,"
                       " pipeline TEXT NOT NULL,"
                       " holder TEXT NOT NULL,"
                       " owner_host TEXT NOT NULL,"
                       " owner_pid BIGINT NOT NULL,"
                       " claimed_at BIGINT NOT NULL,"
                       " heartbeat_at BIGINT NOT NULL)"),
        QStringLiteral(
            "CREATE INDEX resource_claims_by_resource ON resource_claims (resource, id)"),
    };
}

QStringList sqliteRules()
{
    return {
        QStringLiteral("CREATE TRIGGER gate_decisions_kept BEFORE UPDATE ON gate_decisions"
                       " BEGIN SELECT RAISE(ABORT, 'gate decisions are kept as they were made"
                       " and cannot be changed'); END"),
        QStringLiteral("CREATE TRIGGER gate_decisions_not_removed BEFORE DELETE ON gate_decisions"
                       " BEGIN SELECT RAISE(ABORT, 'gate decisions are kept as they were made"
                       " and cannot be removed'); END"),
        QStringLiteral("CREATE TRIGGER gates_kept BEFORE UPDATE ON gates"
                       " WHEN OLD.outcome <> '' OR NEW.run_id <> OLD.run_id"
                       " OR NEW.stage_idx <> OLD.stage_idx OR NEW.approvers <> OLD.approvers"
                       " OR NEW.required <> OLD.required OR NEW.allow_self <> OLD.allow_self"
                       " OR NEW.on_timeout_approve <> OLD.on_timeout_approve"
                       " OR NEW.started_by <> OLD.started_by OR NEW.opened_at <> OLD.opened_at"
                       " OR NEW.deadline IS NOT OLD.deadline"
                       " BEGIN SELECT RAISE(ABORT, 'a gate''s rules cannot change once the run"
                       " has reached it, nor its outcome once recorded'); END"),
        QStringLiteral("CREATE TRIGGER gates_not_removed BEFORE DELETE ON gates"
                       " BEGIN SELECT RAISE(ABORT, 'a gate cannot be removed once the run has"
                       " reached it'); END"),
    };
}

// The server's clock in the store's time unit, so that every workstation judges deadlines
// and heartbeats by the same clock.
const char *postgresClock =
    "CREATE FUNCTION pipewright_now_ms() RETURNS BIGINT LANGUAGE sql VOLATILE AS"
    " $$ SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) $$";

// What the decisions made so far say of a gate; the same rule as gateStatusAt() in C++.
const char *postgresGateState = R"(
CREATE FUNCTION pipewright_gate_state(g gates) RETURNS TEXT LANGUAGE plpgsql STABLE AS $$
DECLARE
    approvals INTEGER;
    rejections INTEGER;
BEGIN
    SELECT count(*) FILTER (WHERE approve = 1), count(*) FILTER (WHERE approve = 0)
      INTO approvals, rejections
      FROM gate_decisions d WHERE d.run_id = g.run_id AND d.stage_idx = g.stage_idx;
    IF rejections > 0 THEN RETURN 'rejected'; END IF;
    IF approvals >= g.required THEN RETURN 'approved'; END IF;
    IF g.deadline IS NOT NULL AND pipewright_now_ms() >= g.deadline THEN RETURN 'expired'; END IF;
    RETURN 'waiting';
END $$)";

// A gate is opened by the run's own connection: it, not the client, says who started it.
const char *postgresGateOpened = R"(
CREATE FUNCTION pipewright_gate_opened() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    opened BIGINT := pipewright_now_ms();
BEGIN
    NEW.started_by := session_user;
    NEW.deadline := NEW.deadline - NEW.opened_at + opened;
    NEW.opened_at := opened;
    NEW.outcome := '';
    NEW.closed_at := NULL;
    RETURN NEW;
END $$)";

// Every decision is checked here, under a lock on the gate's row, so that two people deciding
// at once are taken one after the other and the second sees what the first decided.
const char *postgresGateDecided = R"(
CREATE FUNCTION pipewright_gate_decided() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    g gates%ROWTYPE;
    state TEXT;
BEGIN
    SELECT * INTO g FROM gates WHERE run_id = NEW.run_id AND stage_idx = NEW.stage_idx
      FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'run % has no gate waiting at stage %', NEW.run_id, NEW.stage_idx;
    END IF;
    NEW.decided_by := session_user;
    NEW.decided_at := pipewright_now_ms();
    SELECT status INTO state FROM runs WHERE id = NEW.run_id;
    IF state NOT IN ('pending', 'running', 'waiting_approval') THEN
        RAISE EXCEPTION 'run % has ended (%): its gates can no longer be decided',
            NEW.run_id, state;
    END IF;
    IF g.outcome <> '' THEN
        RAISE EXCEPTION 'the gate of stage "%" is closed: %', g.stage, g.outcome;
    END IF;
    state := pipewright_gate_state(g);
    IF state <> 'waiting' THEN
        RAISE EXCEPTION 'the gate of stage "%" is already %', g.stage, state;
    END IF;
    IF NOT (NEW.decided_by = ANY (string_to_array(g.approvers, E'\n'))) THEN
        RAISE EXCEPTION '% is not an approver of the gate of stage "%" (approvers: %)',
            NEW.decided_by, g.stage, replace(g.approvers, E'\n', ', ');
    END IF;
    IF NEW.decided_by = g.started_by AND g.allow_self = 0 THEN
        RAISE EXCEPTION '% started run % and may not decide its gates (allow_self_approval '
            'is not set)', NEW.decided_by, g.run_id;
    END IF;
    IF EXISTS (SELECT 1 FROM gate_decisions WHERE run_id = NEW.run_id
               AND stage_idx = NEW.stage_idx AND decided_by = NEW.decided_by) THEN
        RAISE EXCEPTION '% has already decided the gate of stage "%"', NEW.decided_by, g.stage;
    END IF;
    RETURN NEW;
END $$)";

const char *postgresDecisionKept = R"(
CREATE FUNCTION pipewright_gate_decision_kept() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'gate decisions are kept as they were made and cannot be changed or removed';
END $$)";

// Only the outcome may be written, once, and only the one the decisions support; a gate is
// cancelled only by the connection that opened it.
const char *postgresGateClosed = R"(
CREATE FUNCTION pipewright_gate_closed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    state TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a gate cannot be removed once the run has reached it';
    END IF;
    IF OLD.outcome <> '' OR ROW(NEW.run_id, NEW.stage_idx, NEW.stage, NEW.approvers,
            NEW.required, NEW.allow_self, NEW.on_timeout_approve, NEW.started_by,
            NEW.opened_at, NEW.deadline)
        IS DISTINCT FROM ROW(OLD.run_id, OLD.stage_idx, OLD.stage, OLD.approvers,
            OLD.required, OLD.allow_self, OLD.on_timeout_approve, OLD.started_by,
            OLD.opened_at, OLD.deadline) THEN
        RAISE EXCEPTION 'a gate''s rules cannot change once the run has reached it, '
            'nor its outcome once recorded';
    END IF;
    IF NEW.outcome = '' THEN
        RETURN NEW;
    END IF;
    state := pipewright_gate_state(OLD);
    IF NEW.outcome = 'cancelled' THEN
        IF session_user <> OLD.started_by THEN
            RAISE EXCEPTION 'only the run''s own process may cancel the gate of stage "%"',
                OLD.stage;
        END IF;
        IF state <> 'waiting' THEN
            RAISE EXCEPTION 'the gate of stage "%" is %, not waiting', OLD.stage, state;
        END IF;
    ELSIF NEW.outcome <> state THEN
        RAISE EXCEPTION 'the gate of stage "%" is %, not %', OLD.stage, state, NEW.outcome;
    END IF;
    NEW.closed_at := pipewright_now_ms();
    RETURN NEW;
END $$)";

QStringList postgresRules()
{
    return {
        QString::fromLatin1(postgresClock),
        QString::fromLatin1(postgresGateState),
        QString::fromLatin1(postgresGateOpened),
        QString::fromLatin1(postgresGateDecided),
        QString::fromLatin1(postgresDecisionKept),
        QString::fromLatin1(postgresGateClosed),
        QStringLiteral("CREATE TRIGGER gates_opened BEFORE INSERT ON gates"
                       " FOR EACH ROW EXECUTE FUNCTION pipewright_gate_opened()"),
        QStringLiteral("CREATE TRIGGER gates_closed BEFORE UPDATE OR DELETE ON gates"
                       " FOR EACH ROW EXECUTE FUNCTION pipewright_gate_closed()"),
        QStringLiteral("CREATE TRIGGER gate_decisions_checked BEFORE INSERT ON gate_decisions"
                       " FOR EACH ROW EXECUTE FUNCTION pipewright_gate_decided()"),
        QStringLiteral("CREATE TRIGGER gate_decisions_kept BEFORE UPDATE OR DELETE"
                       " ON gate_decisions FOR EACH ROW"
                       " EXECUTE FUNCTION pipewright_gate_decision_kept()"),
        // Whoever may connect to the database is one of the team: the database, not these
        // grants, is where access is limited. A table's triggers can be turned off only by
        // its owner, so the rules above hold for every other login.
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON runs, stages, jobs, attempts, log_chunks,"
                       " artifacts, cache_entries, cache_files, cache_lookups, gates,"
                       " gate_decisions, resource_claims TO PUBLIC"),
        QStringLiteral("GRANT DELETE ON artifacts, cache_entries, cache_files, resource_claims"
                       " TO PUBLIC"),
        QStringLiteral("GRANT SELECT ON schema_version TO PUBLIC"),
        QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO PUBLIC"),
    };
}

} // namespace

QStringList gateSchema(const SqlDialect &dialect)
{
    QStringList statements = tables();
    statements += dialect.kind == StoreLocation::Kind::Sqlite ? sqliteRules() : postgresRules();
    return statements;
}

} // namespace pw
