<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>History store: %1</source>
        <translation>Verlaufsspeicher: %1</translation>
    </message>
    <message>
        <source>Workers: between 1 and %1</source>
        <translation>Worker: zwischen 1 und %1</translation>
    </message>
    <message>
        <source>Redis: %1</source>
        <translation>Redis: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>RunGraph</name>
    <message>
        <source>Gate: waiting (%1 of %2)</source>
        <translation>Freigabe: wartet (%1 von %2)</translation>
    </message>
    <message>
        <source>Gate: approved</source>
        <translation>Freigabe: erteilt</translation>
    </message>
    <message>
        <source>Gate: rejected</source>
        <translation>Freigabe: abgelehnt</translation>
    </message>
    <message>
        <source>Gate: expired</source>
        <translation>Freigabe: abgelaufen</translation>
    </message>
    <message>
        <source>Gate: cancelled</source>
        <translation>Freigabe: abgebrochen</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>%1 (allowed)</source>
        <translation>%1 (erlaubt)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Pipewright desktop app: run pipelines, watch them and look back at their history.</source>
        <translation>Die Pipewright-Desktop-App: Pipelines ausführen, beobachten und ihren Verlauf nachlesen.</translation>
    </message>
    <message>
        <source>The history store (default: the settings, $PIPEWRIGHT_DB or the data folder).</source>
        <translation>Der Verlaufsspeicher (Vorgabe: die Einstellungen, $PIPEWRIGHT_DB oder der Datenordner).</translation>
    </message>
    <message>
        <source>The Redis server for notifications (default: the settings, or $PIPEWRIGHT_REDIS).</source>
        <translation>Der Redis-Server für Benachrichtigungen (Vorgabe: die Einstellungen oder $PIPEWRIGHT_REDIS).</translation>
    </message>
    <message>
        <source>A pipeline file to open.</source>
        <translation>Eine zu öffnende Pipeline-Datei.</translation>
    </message>
</context>
<context>
    <name>pw::gui::ArtifactFiles</name>
    <message>
        <source>run %1 keeps no artifacts of this job any more (they may have expired)</source>
        <translation>Lauf %1 bewahrt keine Artefakte dieses Jobs mehr auf (sie sind vielleicht abgelaufen)</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 lässt sich nicht anlegen</translation>
    </message>
</context>
<context>
    <name>pw::gui::ArtifactsView</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Save to Folder…</source>
        <translation>In Ordner &amp;speichern …</translation>
    </message>
    <message>
        <source>Save A&amp;ll to Folder…</source>
        <translation>Alle in &amp;Ordner speichern …</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Artifacts of the job</source>
        <translation>Artefakte des Jobs</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Select a job to see its artifacts.</source>
        <translation>Wählen Sie einen Job, um seine Artefakte zu sehen.</translation>
    </message>
    <message>
        <source>Job %1 left no artifacts.</source>
        <translation>Job %1 hat keine Artefakte hinterlassen.</translation>
    </message>
    <message numerus="yes">
        <source>Job %1 left %n artifact(s).</source>
        <translation>
            <numerusform>Job %1 hat %n Artefakt hinterlassen.</numerusform>
            <numerusform>Job %1 hat %n Artefakte hinterlassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save All Artifacts to Folder</source>
        <translation>Alle Artefakte in Ordner speichern</translation>
    </message>
    <message>
        <source>Save Artifacts to Folder</source>
        <translation>Artefakte in Ordner speichern</translation>
    </message>
    <message>
        <source>Copying to %1…</source>
        <translation>Kopiere nach %1 …</translation>
    </message>
    <message>
        <source>Cannot save the artifacts: %1</source>
        <translation>Die Artefakte lassen sich nicht speichern: %1</translation>
    </message>
    <message>
        <source>Saved with problems: %1</source>
        <translation>Mit Problemen gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) to %1.</source>
        <translation>
            <numerusform>%n Datei in %1 gespeichert.</numerusform>
            <numerusform>%n Dateien in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>No program opens %1.</source>
        <translation>Kein Programm öffnet %1.</translation>
    </message>
</context>
<context>
    <name>pw::gui::Badges</name>
    <message>
        <source>anyone</source>
        <translation>beliebigen Personen</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>gate</translation>
    </message>
    <message>
        <source>Gate: %1 approval(s) from %2</source>
        <translation>Freigabe: %1 Zustimmung(en) von %2</translation>
    </message>
    <message>
        <source>if</source>
        <translation>if</translation>
    </message>
    <message>
        <source>Runs if: %1</source>
        <translation>Läuft, wenn: %1</translation>
    </message>
    <message>
        <source>when: %1</source>
        <translation>when: %1</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>rules</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) decide whether it runs</source>
        <translation>
            <numerusform>%n Regel entscheidet, ob er läuft</numerusform>
            <numerusform>%n Regeln entscheiden, ob er läuft</numerusform>
        </translation>
    </message>
    <message>
        <source>may fail</source>
        <translation>darf fehlschlagen</translation>
    </message>
    <message>
        <source>allow_failure: a failure does not fail the run</source>
        <translation>allow_failure: Ein Fehlschlag lässt den Lauf nicht fehlschlagen</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>retry %1</translation>
    </message>
    <message>
        <source>Tried again up to %1 time(s)</source>
        <translation>Wird bis zu %1-mal wiederholt</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>matrix</translation>
    </message>
    <message>
        <source>One instance per matrix combination</source>
        <translation>Eine Instanz je Matrix-Kombination</translation>
    </message>
    <message>
        <source>branches %1</source>
        <translation>Branches %1</translation>
    </message>
    <message>
        <source>events %1</source>
        <translation>Ereignisse %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Starts on: %1</source>
        <translation>Startet bei: %1</translation>
    </message>
</context>
<context>
    <name>pw::gui::EditorDocument</name>
    <message>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>%1 is a GitLab file: convert it to a Pipewright pipeline to edit it</source>
        <translation>%1 ist eine GitLab-Datei: Wandeln Sie sie in eine Pipewright-Pipeline um, um sie zu bearbeiten</translation>
    </message>
    <message>
        <source>the edit was made for another version of the text</source>
        <translation>die Änderung wurde für eine andere Fassung des Texts gemacht</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <source>the pipeline has no file yet: save it as a file</source>
        <translation>die Pipeline hat noch keine Datei: Speichern Sie sie als Datei</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>%1 is shown read-only</source>
        <translation>%1 wird schreibgeschützt angezeigt</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 lässt sich nicht speichern: %2</translation>
    </message>
</context>
<context>
    <name>pw::gui::FinishText</name>
    <message>
        <source>Finished at %1 after %2</source>
        <translation>Fertig um %1 nach %2</translation>
    </message>
    <message numerus="yes">
        <source>about %n s</source>
        <translation>
            <numerusform>etwa %n s</numerusform>
            <numerusform>etwa %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>etwa %n min</numerusform>
            <numerusform>etwa %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h</source>
        <translation>
            <numerusform>etwa %n h</numerusform>
            <numerusform>etwa %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>No estimate yet: no job still to run has a past duration</source>
        <translation>Noch keine Schätzung: Kein noch auszuführender Job hat eine frühere Dauer</translation>
    </message>
    <message>
        <source>Waits for approval; if approved now, finish %1, in %2</source>
        <translation>Wartet auf Freigabe; bei Freigabe jetzt fertig um %1, in %2</translation>
    </message>
    <message>
        <source>Estimated finish %1, in %2</source>
        <translation>Voraussichtlich fertig um %1, in %2</translation>
    </message>
    <message numerus="yes">
        <source>(guessed for %n job(s) without a past duration)</source>
        <translation>
            <numerusform>(geschätzt für %n Job ohne frühere Dauer)</numerusform>
            <numerusform>(geschätzt für %n Jobs ohne frühere Dauer)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pw::gui::GanttChart</name>
    <message>
        <source>Run timeline</source>
        <translation>Zeitleiste des Laufs</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1, estimated</source>
        <translation>%1, geschätzt</translation>
    </message>
    <message>
        <source>Other jobs</source>
        <translation>Sonstige Jobs</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Did not run</source>
        <translation>Nicht gelaufen</translation>
    </message>
    <message>
        <source>Started %1, ended %2</source>
        <translation>Gestartet um %1, beendet um %2</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Dauerte %1</translation>
    </message>
    <message>
        <source>Started %1, expected to end %2</source>
        <translation>Gestartet um %1, voraussichtliches Ende um %2</translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>Expected to start %1 and end %2</source>
        <translation>Voraussichtlicher Start um %1, Ende um %2</translation>
    </message>
    <message>
        <source>Took %1 last time</source>
        <translation>Dauerte beim letzten Mal %1</translation>
    </message>
    <message>
        <source>No past duration; guessed %1</source>
        <translation>Keine frühere Dauer; geschätzt %1</translation>
    </message>
    <message>
        <source>No past duration</source>
        <translation>Keine frühere Dauer</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>Auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>Its recorded times contradict each other</source>
        <translation>Seine aufgezeichneten Zeiten widersprechen sich</translation>
    </message>
</context>
<context>
    <name>pw::gui::GanttLegend</name>
    <message>
        <source>Legend: %1</source>
        <translation>Legende: %1</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>kritischer Pfad</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>geschätzt</translation>
    </message>
    <message>
        <source>earlier attempt</source>
        <translation>früherer Versuch</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>pw::gui::GateNotifier</name>
    <message>
        <source>the store did not say who you are</source>
        <translation>der Speicher hat nicht gesagt, wer Sie sind</translation>
    </message>
</context>
<context>
    <name>pw::gui::GatePanel</name>
    <message>
        <source>Stage %1 waits for approval by %2 (%3 of %4)</source>
        <translation>Stufe %1 wartet auf Freigabe durch %2 (%3 von %4)</translation>
    </message>
    <message>
        <source>, until %1</source>
        <translation>, bis %1</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Comment, or the reason for a rejection</source>
        <translation>Kommentar oder Grund für eine Ablehnung</translation>
    </message>
    <message>
        <source>Comment on the decision</source>
        <translation>Kommentar zur Entscheidung</translation>
    </message>
    <message>
        <source>A rejection needs a reason: the run reports it.</source>
        <translation>Eine Ablehnung braucht einen Grund: Der Lauf meldet ihn.</translation>
    </message>
</context>
<context>
    <name>pw::gui::GateTray</name>
    <message>
        <source>Run %1 of %2 waits for your decision</source>
        <translation>Lauf %1 von %2 wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>The gate of stage %1 has %2 of %3 approvals.</source>
        <translation>Die Freigabe der Stufe %1 hat %2 von %3 Zustimmungen.</translation>
    </message>
    <message>
        <source>Deadline: %1.</source>
        <translation>Frist: %1.</translation>
    </message>
    <message>
        <source>Pipewright</source>
        <translation>Pipewright</translation>
    </message>
</context>
<context>
    <name>pw::gui::GatesView</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>Freigebende</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Gestartet von</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Gates waiting for a decision</source>
        <translation>Freigaben, die auf eine Entscheidung warten</translation>
    </message>
    <message>
        <source>Cannot read the gates: %1</source>
        <translation>Die Freigaben lassen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>No gate waits for a decision.</source>
        <translation>Keine Freigabe wartet auf eine Entscheidung.</translation>
    </message>
    <message numerus="yes">
        <source>%n gate(s) wait for a decision.</source>
        <translation>
            <numerusform>%n Freigabe wartet auf eine Entscheidung.</numerusform>
            <numerusform>%n Freigaben warten auf eine Entscheidung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pw::gui::GraphView</name>
    <message>
        <source>Drag to another job to make it need this one</source>
        <translation>Auf einen anderen Job ziehen, damit er diesen braucht</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 braucht %2</translation>
    </message>
</context>
<context>
    <name>pw::gui::HistoryCharts</name>
    <message>
        <source>Duration of each run</source>
        <translation>Dauer jedes Laufs</translation>
    </message>
    <message>
        <source>Runs that passed, per day</source>
        <translation>Bestandene Läufe pro Tag</translation>
    </message>
    <message>
        <source>Cache lookups that hit, per day</source>
        <translation>Cache-Abfragen mit Treffer pro Tag</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;auer</translation>
    </message>
    <message>
        <source>Pass &amp;rate</source>
        <translation>E&amp;rfolgsquote</translation>
    </message>
    <message>
        <source>&amp;Cache hits</source>
        <translation>&amp;Cache-Treffer</translation>
    </message>
    <message>
        <source>Type a pipeline&apos;s name in the filter, or select a run, to see its trends.</source>
        <translation>Geben Sie den Namen einer Pipeline in den Filter ein oder wählen Sie einen Lauf, um ihre Trends zu sehen.</translation>
    </message>
    <message>
        <source>Reading the runs of %1…</source>
        <translation>Lese die Läufe von %1 …</translation>
    </message>
    <message>
        <source>Cannot read the runs of %1: %2</source>
        <translation>Die Läufe von %1 lassen sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1 has no runs yet.</source>
        <translation>%1 hat noch keine Läufe.</translation>
    </message>
    <message numerus="yes">
        <source>%1: the last %n run(s)</source>
        <translation>
            <numerusform>%1: %n letzter Lauf</numerusform>
            <numerusform>%1: die letzten %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>pw::gui::HistoryModel</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
</context>
<context>
    <name>pw::gui::HistoryView</name>
    <message>
        <source>Pipeline name; empty for all</source>
        <translation>Name der Pipeline; leer für alle</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>&amp;Pipeline:</source>
        <translation>&amp;Pipeline:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Branch; empty for all</source>
        <translation>Branch; leer für alle</translation>
    </message>
    <message>
        <source>Commit, trigger or event</source>
        <translation>Commit, Auslöser oder Ereignis</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>S&amp;uche:</translation>
    </message>
</context>
<context>
    <name>pw::gui::JobBoxItem</name>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>pw::gui::LogView</name>
    <message>
        <source>Job log</source>
        <translation>Job-Protokoll</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines found in the run</source>
        <translation>Im Lauf gefundene Zeilen</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>This job</source>
        <translation>Dieser Job</translation>
    </message>
    <message>
        <source>Search this job&apos;s log or every log of the run</source>
        <translation>Das Protokoll dieses Jobs oder alle Protokolle des Laufs durchsuchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save log...</source>
        <translation>Protokoll &amp;speichern ...</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Ganzer Lauf</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt);;All files (*)</source>
        <translation>Protokolle (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Speichere ...</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) found in the run</source>
        <translation>
            <numerusform>%n Zeile im Lauf gefunden</numerusform>
            <numerusform>%n Zeilen im Lauf gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source> (searching...)</source>
        <translation> (Suche läuft ...)</translation>
    </message>
    <message>
        <source> (not every log could be read: %1)</source>
        <translation> (nicht jedes Protokoll ließ sich lesen: %1)</translation>
    </message>
</context>
<context>
    <name>pw::gui::MainWindow</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Pipewright</source>
        <translation>Pipewright</translation>
    </message>
    <message>
        <source>&amp;Monitor</source>
        <translation>&amp;Überwachung</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Gates</source>
        <translation>&amp;Freigaben</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>Cannot start the run</source>
        <translation>Der Lauf lässt sich nicht starten</translation>
    </message>
    <message>
        <source>Cannot show the run</source>
        <translation>Der Lauf lässt sich nicht anzeigen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>open a pipeline first</source>
        <translation>Öffnen Sie zuerst eine Pipeline</translation>
    </message>
    <message>
        <source>Cancelling the run before closing…</source>
        <translation>Der Lauf wird vor dem Schließen abgebrochen …</translation>
    </message>
    <message>
        <source>&amp;Open Pipeline…</source>
        <translation>Pipeline ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Ausführen …</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Pipewright</source>
        <translation>&amp;Über Pipewright</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pipewright %1&lt;/h3&gt;&lt;p&gt;A CI/CD pipeline orchestrator for the workstation.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pipewright %1&lt;/h3&gt;&lt;p&gt;Ein CI/CD-Pipeline-Orchestrator für den Arbeitsplatzrechner.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Pipewright</source>
        <translation>Über Pipewright</translation>
    </message>
    <message>
        <source>No recent pipelines</source>
        <translation>Keine zuletzt geöffneten Pipelines</translation>
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation>Pipeline öffnen</translation>
    </message>
    <message>
        <source>Pipeline files (*.yml *.yaml);;All files (*)</source>
        <translation>Pipeline-Dateien (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>%1 – Pipewright</source>
        <translation>%1 – Pipewright</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>The run ended.</source>
        <translation>Der Lauf ist beendet.</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <source>&amp;Editor – %1</source>
        <translation>&amp;Editor – %1</translation>
    </message>
    <message>
        <source>&amp;New Pipeline</source>
        <translation>&amp;Neue Pipeline</translation>
    </message>
    <message>
        <source>&amp;Edit Pipeline…</source>
        <translation>Pipeline be&amp;arbeiten …</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Cannot edit %1</source>
        <translation>%1 lässt sich nicht bearbeiten</translation>
    </message>
    <message>
        <source>Edit Pipeline</source>
        <translation>Pipeline bearbeiten</translation>
    </message>
    <message>
        <source>a run is going already</source>
        <translation>ein Lauf ist bereits im Gange</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen …</translation>
    </message>
    <message>
        <source>%1 holds no pipeline file (pipewright.yml, .gitlab-ci.yml or another .yml)</source>
        <translation>%1 enthält keine Pipeline-Datei (pipewright.yml, .gitlab-ci.yml oder eine andere .yml)</translation>
    </message>
    <message>
        <source>%1 holds several pipeline files:</source>
        <translation>%1 enthält mehrere Pipeline-Dateien:</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>pw::gui::PipelineEditor</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Save Pipeline</source>
        <translation>Pipeline &amp;speichern</translation>
    </message>
    <message>
        <source>Save Pipeline &amp;As…</source>
        <translation>Pipeline speichern &amp;unter …</translation>
    </message>
    <message>
        <source>Save and R&amp;un</source>
        <translation>Speichern und a&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;Convert to a Pipewright Pipeline</source>
        <translation>In Pipewright-Pipeline &amp;umwandeln</translation>
    </message>
    <message>
        <source>Add &amp;Stage</source>
        <translation>&amp;Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Job</source>
        <translation>&amp;Job hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>a GitLab file is read-only here</source>
        <translation>eine GitLab-Datei ist hier schreibgeschützt</translation>
    </message>
    <message>
        <source>%1 is a GitLab file, shown read-only: convert it to edit it.</source>
        <translation>%1 ist eine GitLab-Datei und wird schreibgeschützt angezeigt: Wandeln Sie sie um, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>A new pipeline: save it to keep it.</source>
        <translation>Eine neue Pipeline: Speichern Sie sie, um sie zu behalten.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <source>line %1, column %2: </source>
        <translation>Zeile %1, Spalte %2: </translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 braucht %2</translation>
    </message>
    <message>
        <source>%1 no longer needs %2</source>
        <translation>%1 braucht %2 nicht mehr</translation>
    </message>
    <message>
        <source>Moved %1 to %2</source>
        <translation>%1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>Added job %1 to %2</source>
        <translation>Job %1 zu %2 hinzugefügt</translation>
    </message>
    <message>
        <source>Added stage %1</source>
        <translation>Stufe %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Removed job %1</source>
        <translation>Job %1 entfernt</translation>
    </message>
    <message>
        <source>Removed stage %1</source>
        <translation>Stufe %1 entfernt</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Pipeline</source>
        <translation>Pipeline speichern</translation>
    </message>
    <message>
        <source>Pipeline files (*.yml *.yaml);;All files (*)</source>
        <translation>Pipeline-Dateien (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Convert the GitLab file to a Pipewright pipeline to run it here.</source>
        <translation>Wandeln Sie die GitLab-Datei in eine Pipewright-Pipeline um, um sie hier auszuführen.</translation>
    </message>
    <message>
        <source>The pipeline has problems: fix them before running it.</source>
        <translation>Die Pipeline hat Probleme: Beheben Sie sie, bevor Sie sie ausführen.</translation>
    </message>
    <message>
        <source>Converted; save the new pipeline to keep it.</source>
        <translation>Umgewandelt; speichern Sie die neue Pipeline, um sie zu behalten.</translation>
    </message>
    <message numerus="yes">
        <source>Converted with %n note(s) in the text to finish by hand.</source>
        <translation>
            <numerusform>Umgewandelt, mit %n Hinweis im Text, der von Hand zu erledigen ist.</numerusform>
            <numerusform>Umgewandelt, mit %n Hinweisen im Text, die von Hand zu erledigen sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Move to Stage</source>
        <translation>In Stufe &amp;verschieben</translation>
    </message>
    <message>
        <source>&amp;Unpin</source>
        <translation>Fixierung &amp;aufheben</translation>
    </message>
    <message>
        <source>Remove &amp;Job</source>
        <translation>Job &amp;entfernen</translation>
    </message>
    <message>
        <source>Add &amp;Stage After</source>
        <translation>Stufe &amp;danach hinzufügen</translation>
    </message>
    <message>
        <source>Move &amp;Left</source>
        <translation>Nach &amp;links verschieben</translation>
    </message>
    <message>
        <source>Moved stage %1</source>
        <translation>Stufe %1 verschoben</translation>
    </message>
    <message>
        <source>Move &amp;Right</source>
        <translation>Nach &amp;rechts verschieben</translation>
    </message>
    <message>
        <source>Remove &amp;Stage</source>
        <translation>Stufe &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove: %1 needs %2</source>
        <translation>Entfernen: %1 braucht %2</translation>
    </message>
</context>
<context>
    <name>pw::gui::PropertyPanel</name>
    <message>
        <source>line %1: write NAME=VALUE</source>
        <translation>Zeile %1: Schreiben Sie NAME=WERT</translation>
    </message>
    <message>
        <source>line %1: %2 is set twice</source>
        <translation>Zeile %1: %2 ist doppelt gesetzt</translation>
    </message>
    <message>
        <source>the job has several caches: edit them in the text</source>
        <translation>der Job hat mehrere Caches: Bearbeiten Sie sie im Text</translation>
    </message>
    <message>
        <source>Select a job or a stage to edit its properties.</source>
        <translation>Wählen Sie einen Job oder eine Stufe, um die Eigenschaften zu bearbeiten.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Commands:</source>
        <translation>Be&amp;fehle:</translation>
    </message>
    <message>
        <source>a job needs at least one command</source>
        <translation>ein Job braucht mindestens einen Befehl</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Retry:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>A failure does not fail the run</source>
        <translation>Ein Fehlschlag lässt den Lauf nicht fehlschlagen</translation>
    </message>
    <message>
        <source>&amp;Allow failure:</source>
        <translation>Fehlschlag &amp;erlauben:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>W&amp;ann:</translation>
    </message>
    <message>
        <source>&amp;If:</source>
        <translation>Bed&amp;ingung:</translation>
    </message>
    <message>
        <source>Cac&amp;he paths:</source>
        <translation>&amp;Cache-Pfade:</translation>
    </message>
    <message>
        <source>Arti&amp;facts:</source>
        <translation>A&amp;rtefakte:</translation>
    </message>
    <message>
        <source>&amp;Secrets:</source>
        <translation>&amp;Secrets:</translation>
    </message>
    <message>
        <source>Gate &amp;approvers:</source>
        <translation>Frei&amp;gebende:</translation>
    </message>
    <message>
        <source>Gate &amp;timeout:</source>
        <translation>Freigabe&amp;frist:</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 gesetzt</translation>
    </message>
</context>
<context>
    <name>pw::gui::RedisStatus</name>
    <message>
        <source>Redis: not configured</source>
        <translation>Redis: nicht eingerichtet</translation>
    </message>
    <message>
        <source>Redis: invalid location</source>
        <translation>Redis: ungültige Adresse</translation>
    </message>
    <message>
        <source>Redis: connecting to %1…</source>
        <translation>Redis: verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Redis: connected to %1</source>
        <translation>Redis: verbunden mit %1</translation>
    </message>
    <message>
        <source>Redis: reconnecting to %1…</source>
        <translation>Redis: verbinde erneut mit %1 …</translation>
    </message>
</context>
<context>
    <name>pw::gui::RepositoryWatch</name>
    <message>
        <source>Cannot read the repository: %1</source>
        <translation>Das Repository lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Not running %1 on %2: the pipeline file has errors: %3</source>
        <translation>%1 auf %2 wird nicht ausgeführt: Die Pipeline-Datei hat Fehler: %3</translation>
    </message>
    <message>
        <source>Not running %1 on %2: %3</source>
        <translation>%1 auf %2 wird nicht ausgeführt: %3</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunController</name>
    <message>
        <source>the application was closed</source>
        <translation>die Anwendung wurde geschlossen</translation>
    </message>
    <message>
        <source>a run is still going; cancel it or wait for its end</source>
        <translation>ein Lauf ist noch im Gange; brechen Sie ihn ab oder warten Sie sein Ende ab</translation>
    </message>
    <message>
        <source>there is no run to start again</source>
        <translation>es gibt keinen Lauf, der erneut gestartet werden könnte</translation>
    </message>
    <message>
        <source>cancelled by user</source>
        <translation>vom Benutzer abgebrochen</translation>
    </message>
    <message>
        <source>Run %1 cannot be retried: its pipeline file %2 cannot be read as the pipeline %3 any more.</source>
        <translation>Lauf %1 lässt sich nicht wiederholen: Seine Pipeline-Datei %2 lässt sich nicht mehr als Pipeline %3 lesen.</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunControls</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>Erneut a&amp;usführen</translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>Stop the run: running jobs are cancelled, the rest skipped</source>
        <translation>Lauf anhalten: Laufende Jobs werden abgebrochen, die übrigen übersprungen</translation>
    </message>
    <message>
        <source>Run every job of this run again, with the same parameters</source>
        <translation>Alle Jobs dieses Laufs mit denselben Parametern erneut ausführen</translation>
    </message>
    <message>
        <source>Run again the jobs that did not succeed and what follows them; the others are reused with their artifacts</source>
        <translation>Die nicht erfolgreichen Jobs und ihre Nachfolger erneut ausführen; die übrigen werden mit ihren Artefakten wiederverwendet</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunDialog</name>
    <message>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <source>reading git…</source>
        <translation>lese git …</translation>
    </message>
    <message>
        <source>One NAME=VALUE per line</source>
        <translation>Ein NAME=WERT pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <source>&amp;Commit:</source>
        <translation>&amp;Commit:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Ereignis:</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>&amp;Variablen:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>at most %1 variables</source>
        <translation>höchstens %1 Variablen</translation>
    </message>
    <message>
        <source>variables, line %1: expected NAME=VALUE, got &apos;%2&apos;</source>
        <translation>Variablen, Zeile %1: NAME=WERT erwartet, »%2« erhalten</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunGraphView</name>
    <message>
        <source>Graph of the run&apos;s jobs and their needs</source>
        <translation>Graph der Jobs des Laufs und ihrer needs</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunMatchesModel</name>
    <message>
        <source>job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <extracomment>A search result: job name, line number (from 1), the line&apos;s text.</extracomment>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>Line %1 of %2</source>
        <translation>Zeile %1 in %2</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunModel</name>
    <message>
        <source>Stage / job</source>
        <translation>Stufe / Job</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>%1 (allowed)</source>
        <translation>%1 (erlaubt)</translation>
    </message>
</context>
<context>
    <name>pw::gui::RunMonitor</name>
    <message>
        <source>Jobs by stage</source>
        <translation>Jobs nach Stufe</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>No run yet: open a pipeline and run it.</source>
        <translation>Noch kein Lauf: Öffnen Sie eine Pipeline und führen Sie sie aus.</translation>
    </message>
    <message>
        <source>Run #%1 of %2 on %3: %4</source>
        <translation>Lauf #%1 von %2 auf %3: %4</translation>
    </message>
    <message>
        <source>no branch</source>
        <translation>kein Branch</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <source>&amp;Artifacts</source>
        <translation>&amp;Artefakte</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
</context>
<context>
    <name>pw::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>the file in your data folder</source>
        <translation>die Datei in Ihrem Datenordner</translation>
    </message>
    <message>
        <source>none: runs poll the store</source>
        <translation>keiner: Läufe fragen den Speicher regelmäßig ab</translation>
    </message>
    <message>
        <source>&amp;Redis:</source>
        <translation>&amp;Redis:</translation>
    </message>
    <message>
        <source>redis://host:port, to hear of gates and runs on other workstations at once.</source>
        <translation>redis://host:port, um sofort von Freigaben und Läufen auf anderen Arbeitsplätzen zu erfahren.</translation>
    </message>
    <message>
        <source>Embedded file (SQLite)</source>
        <translation>Eingebettete Datei (SQLite)</translation>
    </message>
    <message>
        <source>Team database (PostgreSQL)</source>
        <translation>Team-Datenbank (PostgreSQL)</translation>
    </message>
    <message>
        <source>one per processor core</source>
        <translation>einer pro Prozessorkern</translation>
    </message>
    <message>
        <source>History store</source>
        <translation>Verlaufsspeicher</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>&amp;Worker:</translation>
    </message>
    <message>
        <source>How many jobs of a run may run at once.</source>
        <translation>Wie viele Jobs eines Laufs gleichzeitig laufen dürfen.</translation>
    </message>
    <message>
        <source>Reading who you are to the store in use…</source>
        <translation>Lese Ihre Identität im verwendeten Speicher …</translation>
    </message>
    <message>
        <source>Gates you approve or reject in the store in use are recorded as %1.</source>
        <translation>Freigaben, die Sie im verwendeten Speicher erteilen oder ablehnen, werden als %1 verzeichnet.</translation>
    </message>
    <message>
        <source>The store in use cannot say who you are: %1</source>
        <translation>Der verwendete Speicher kann nicht sagen, wer Sie sind: %1</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Runs, logs and gates of this workstation only.</source>
        <translation>Nur Läufe, Protokolle und Freigaben dieses Arbeitsplatzes.</translation>
    </message>
    <message>
        <source>this machine&apos;s socket</source>
        <translation>Socket dieses Rechners</translation>
    </message>
    <message>
        <source>default (5432)</source>
        <translation>Vorgabe (5432)</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>Ihr Anmeldename</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Shares runs and gates with your team. A password is tried on the server, then kept in the keychain, never in the settings.</source>
        <translation>Teilt Läufe und Freigaben mit Ihrem Team. Ein Passwort wird am Server geprüft und dann im Schlüsselbund aufbewahrt, nie in den Einstellungen.</translation>
    </message>
    <message>
        <source>History Store</source>
        <translation>Verlaufsspeicher</translation>
    </message>
    <message>
        <source>SQLite files (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Dateien (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>History store: name the database</source>
        <translation>Verlaufsspeicher: Geben Sie die Datenbank an</translation>
    </message>
    <message>
        <source>History store: %1</source>
        <translation>Verlaufsspeicher: %1</translation>
    </message>
    <message>
        <source>Trying the password on %1…</source>
        <translation>Prüfe das Passwort an %1 …</translation>
    </message>
    <message>
        <source>Cannot log in to %1: %2. The password was not kept.</source>
        <translation>Anmeldung an %1 nicht möglich: %2. Das Passwort wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The server took the password, but the keychain did not keep it: %1</source>
        <translation>Der Server hat das Passwort angenommen, aber der Schlüsselbund hat es nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>pw::gui::StageLaneItem</name>
    <message>
        <source>Stage %1</source>
        <translation>Stufe %1</translation>
    </message>
</context>
<context>
    <name>pw::gui::StatusLook</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>waiting at gate</source>
        <translation>wartet an Freigabe</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>waiting for resource</source>
        <translation>wartet auf Ressource</translation>
    </message>
</context>
<context>
    <name>pw::gui::StoreStatusLabel</name>
    <message>
        <source>History store unreachable: %1 — records are held</source>
        <extracomment>%1 is why the store cannot be reached, as the database driver says it.</extracomment>
        <translation>Verlaufsspeicher nicht erreichbar: %1 – Aufzeichnungen werden zurückgehalten</translation>
    </message>
    <message>
        <source>The run goes on; its records are written to the history store once it answers again.
%1</source>
        <translation>Der Lauf geht weiter; seine Aufzeichnungen werden in den Verlaufsspeicher geschrieben, sobald er wieder antwortet.
%1</translation>
    </message>
</context>
<context>
    <name>pw::gui::TimeAxis</name>
    <message>
        <source>%1ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>pw::gui::TimelineView</name>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Show less time, in more detail</source>
        <translation>Weniger Zeit genauer anzeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show more time</source>
        <translation>Mehr Zeit anzeigen</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Show the whole run</source>
        <translation>Den ganzen Lauf anzeigen</translation>
    </message>
    <message>
        <source>No run to show yet</source>
        <translation>Noch kein Lauf zum Anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the record</source>
        <translation>
            <numerusform>%n Problem in der Aufzeichnung</numerusform>
            <numerusform>%n Probleme in der Aufzeichnung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pw::gui::WatchControl</name>
    <message>
        <source>&amp;Watch Repository</source>
        <translation>Repository über&amp;wachen</translation>
    </message>
    <message>
        <source>Run the pipeline for each new commit its on: accepts</source>
        <translation>Die Pipeline für jeden neuen Commit ausführen, den ihr Schlüssel on: zulässt</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>%1 wird überwacht</translation>
    </message>
    <message>
        <source>New commits on branches that on: accepts start runs</source>
        <translation>Neue Commits auf Branches, die der Schlüssel on: zulässt, starten Läufe</translation>
    </message>
    <message>
        <source>Cannot watch the repository: %1</source>
        <translation>Das Repository lässt sich nicht überwachen: %1</translation>
    </message>
    <message>
        <source>New commit %1 on %2: running</source>
        <translation>Neuer Commit %1 auf %2: wird ausgeführt</translation>
    </message>
    <message>
        <source>No longer watching the repository</source>
        <translation>Das Repository wird nicht mehr überwacht</translation>
    </message>
</context>
</TS>
