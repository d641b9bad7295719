<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DueDeletions</name>
    <message numerus="yes">
        <source>%n case(s) due for deletion: %1.</source>
        <translation>
            <numerusform>%n case due for deletion: %1.</numerusform>
            <numerusform>%n cases due for deletion: %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
