<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ScanWords</name>
    <message numerus="yes">
        <source>%n page(s) read</source>
        <translation>
            <numerusform>%n page read</numerusform>
            <numerusform>%n pages read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) analysed</source>
        <translation>
            <numerusform>%n image analysed</numerusform>
            <numerusform>%n images analysed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) seen.</source>
        <translation>
            <numerusform>%n face seen.</numerusform>
            <numerusform>%n faces seen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your face may appear in %n place(s): review them.</source>
        <translation>
            <numerusform>Your face may appear in %n place: review them.</numerusform>
            <numerusform>Your face may appear in %n places: review them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) could not be read (listed below).</source>
        <translation>
            <numerusform>%n address could not be read (listed below).</numerusform>
            <numerusform>%n addresses could not be read (listed below).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... and %n more.</numerusform>
            <numerusform>... and %n more.</numerusform>
        </translation>
    </message>
</context>
</TS>
