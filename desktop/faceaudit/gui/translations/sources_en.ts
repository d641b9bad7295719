<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SourceWords</name>
    <message numerus="yes">
        <source>Read (%n page(s)), no image on it</source>
        <translation>
            <numerusform>Read (%n page), no image on it</numerusform>
            <numerusform>Read (%n pages), no image on it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), no face</source>
        <translation>
            <numerusform>%n image, no face</numerusform>
            <numerusform>%n images, no face</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s), none of them you</source>
        <translation>
            <numerusform>%n face, none of them you</numerusform>
            <numerusform>%n faces, none of them you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You appear: %n face(s) to review</source>
        <translation>
            <numerusform>You appear: %n face to review</numerusform>
            <numerusform>You appear: %n faces to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n address(es) not read: see the scan&apos;s problems)</source>
        <translation>
            <numerusform> (%n address not read: see the scan&apos;s problems)</numerusform>
            <numerusform> (%n addresses not read: see the scan&apos;s problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanning: %n image(s) so far</source>
        <translation>
            <numerusform>Scanning: %n image so far</numerusform>
            <numerusform>Scanning: %n images so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Links %n level(s) deep</source>
        <translation>
            <numerusform>Links %n level deep</numerusform>
            <numerusform>Links %n levels deep</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message numerus="yes">
        <source>Added %n source(s).</source>
        <translation>
            <numerusform>Added %n source.</numerusform>
            <numerusform>Added %n sources.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already listed.</source>
        <translation>
            <numerusform>%n already listed.</numerusform>
            <numerusform>%n already listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated line(s) ignored.</source>
        <translation>
            <numerusform>%n repeated line ignored.</numerusform>
            <numerusform>%n repeated lines ignored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not added:</source>
        <translation>
            <numerusform>%n line not added:</numerusform>
            <numerusform>%n lines not added:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n source(s) from the case? What the scans found there stays in the case; later scans no longer read them, so those findings show as not checked.</source>
        <translation>
            <numerusform>Remove %n source from the case? What the scans found there stays in the case; later scans no longer read them, so those findings show as not checked.</numerusform>
            <numerusform>Remove %n sources from the case? What the scans found there stays in the case; later scans no longer read them, so those findings show as not checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n source(s).</source>
        <translation>
            <numerusform>Removed %n source.</numerusform>
            <numerusform>Removed %n sources.</numerusform>
        </translation>
    </message>
</context>
</TS>
