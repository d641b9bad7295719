<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BrowserPane</name>
    <message numerus="yes">
        <source>%n image(s) shown</source>
        <translation>
            <numerusform>%n image shown</numerusform>
            <numerusform>%n images shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n face</numerusform>
            <numerusform>%n faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n that could be you</source>
        <translation>
            <numerusform>%n that could be you</numerusform>
            <numerusform>%n that could be you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be fetched by FaceAudit: they may load only with your login, which FaceAudit&apos;s own requests never carry. The capture shows them.</source>
        <translation>
            <numerusform>%n image could not be fetched by FaceAudit: it may load only with your login, which FaceAudit&apos;s own requests never carry. The capture shows it.</numerusform>
            <numerusform>%n images could not be fetched by FaceAudit: they may load only with your login, which FaceAudit&apos;s own requests never carry. The capture shows them.</numerusform>
        </translation>
    </message>
</context>
</TS>
