<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FindingDelegate</name>
    <message numerus="yes">
        <source>{site} — %n finding(s)</source>
        <translation>
            <numerusform>{site} — %n finding</numerusform>
            <numerusform>{site} — %n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsScreen</name>
    <message numerus="yes">
        <source>%n face(s) shown</source>
        <translation>
            <numerusform>%n face shown</numerusform>
            <numerusform>%n faces shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed</source>
        <translation>
            <numerusform>%n confirmed</numerusform>
            <numerusform>%n confirmed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked as you. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>%n face marked as you. Ctrl+Z undoes it.</numerusform>
            <numerusform>%n faces marked as you. Ctrl+Z undoes it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked as not you: not offered again, and the copy of the image is dropped when no other face in it is yours. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>%n face marked as not you: it is not offered again, and the copy of the image is dropped when no other face in it is yours. Ctrl+Z undoes it.</numerusform>
            <numerusform>%n faces marked as not you: they are not offered again, and the copies of the images are dropped when no other face in them is yours. Ctrl+Z undoes it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n decision(s).</source>
        <translation>
            <numerusform>Undone: %n decision.</numerusform>
            <numerusform>Undone: %n decisions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteSummary</name>
    <message numerus="yes">
        <source>{site}: %n confirmed</source>
        <translation>
            <numerusform>{site}: %n confirmed</numerusform>
            <numerusform>{site}: %n confirmed</numerusform>
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
    <name>ViewerDialog</name>
    <message numerus="yes">
        <source>Seen on %n page(s)</source>
        <translation>
            <numerusform>Seen on %n page</numerusform>
            <numerusform>Seen on %n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
