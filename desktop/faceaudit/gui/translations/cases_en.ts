<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CasesScreen</name>
    <message numerus="yes">
        <source>%n reference photo(s) and their face data</source>
        <translation>
            <numerusform>%n reference photo and their face data</numerusform>
            <numerusform>%n reference photos and their face data</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) you listed</source>
        <translation>
            <numerusform>%n source you listed</numerusform>
            <numerusform>%n sources you listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) with their face thumbnails and evidence</source>
        <translation>
            <numerusform>%n finding with their face thumbnails and evidence</numerusform>
            <numerusform>%n findings with their face thumbnails and evidence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s), your details and the tracked requests</source>
        <translation>
            <numerusform>%n scan, your details and the tracked requests</numerusform>
            <numerusform>%n scans, your details and the tracked requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseLength</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Too short: use at least %n character.</numerusform>
            <numerusform>Too short: use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
</TS>
