<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FacePickerDialog</name>
    <message numerus="yes">
        <source>%1 shows %n people. Pick your face: only that part of the photo is kept, the others are not stored.</source>
        <translation>
            <numerusform>%1 shows %n person. Pick your face: only that part of the photo is kept, the others are not stored.</numerusform>
            <numerusform>%1 shows %n people. Pick your face: only that part of the photo is kept, the others are not stored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeScreen</name>
    <message numerus="yes">
        <source>%n reference photo(s) in this case.</source>
        <translation>
            <numerusform>%n reference photo in this case.</numerusform>
            <numerusform>%n reference photos in this case.</numerusform>
        </translation>
    </message>
</context>
</TS>
