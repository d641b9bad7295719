<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DetailsBox</name>
    <message numerus="yes">
        <source>%n day(s) paused so far.</source>
        <translation>
            <numerusform>%n day paused so far.</numerusform>
            <numerusform>%n days paused so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftPanel</name>
    <message numerus="yes">
        <source>The letter cites %n image(s)</source>
        <translation>
            <numerusform>The letter cites %n image</numerusform>
            <numerusform>The letter cites %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, seen in %n place(s)</source>
        <translation>
            <numerusform>, seen in %n place</numerusform>
            <numerusform>, seen in %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It includes %n finding(s) you have not reviewed.</source>
        <translation>
            <numerusform>It includes %n finding you have not reviewed.</numerusform>
            <numerusform>It includes %n findings you have not reviewed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreviewed finding(s) on its sites are not cited: confirm them in Findings, or tick “Also cite the findings I have not reviewed yet”.</source>
        <translation>
            <numerusform>%n unreviewed finding on its sites is not cited: confirm it in Findings, or tick “Also cite the findings I have not reviewed yet”.</numerusform>
            <numerusform>%n unreviewed findings on its sites are not cited: confirm them in Findings, or tick “Also cite the findings I have not reviewed yet”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueNotice</name>
    <message numerus="yes">
        <source>%n request(s) overdue</source>
        <translation>
            <numerusform>%n request overdue</numerusform>
            <numerusform>%n requests overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) due within a week</source>
        <translation>
            <numerusform>%n request due within a week</numerusform>
            <numerusform>%n requests due within a week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LettersScreen</name>
    <message numerus="yes">
        <source>Requests (%n)</source>
        <translation>
            <numerusform>Requests (%n)</numerusform>
            <numerusform>Requests (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) overdue</source>
        <translation>
            <numerusform>%n request overdue</numerusform>
            <numerusform>%n requests overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) due within a week</source>
        <translation>
            <numerusform>%n request due within a week</numerusform>
            <numerusform>%n requests due within a week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SitesModel</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n to review</source>
        <translation>
            <numerusform>, %n to review</numerusform>
            <numerusform>, %n to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackerPanel</name>
    <message numerus="yes">
        <source>%n request(s) overdue: the operator did not answer in time.</source>
        <translation>
            <numerusform>%n request overdue: the operator did not answer in time.</numerusform>
            <numerusform>%n requests overdue: the operator did not answer in time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply file(s) saved in %1.</source>
        <translation>
            <numerusform>%n reply file saved in %1.</numerusform>
            <numerusform>%n reply files saved in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) written to %1.</source>
        <translation>
            <numerusform>%n deadline written to %1.</numerusform>
            <numerusform>%n deadlines written to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
