<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPanel</name>
    <message numerus="yes">
        <source>Saved %n entry(ies) to %1.</source>
        <translation>
            <numerusform>Saved %n entry to %1.</numerusform>
            <numerusform>Saved %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message numerus="yes">
        <source>The audit log is intact: %n entry(ies), each chained to the one before.</source>
        <translation>
            <numerusform>The audit log is intact: %n entry.</numerusform>
            <numerusform>The audit log is intact: %n entries, each chained to the one before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicPassphrasePanel</name>
    <message numerus="yes">
        <source>It opens %n case(s).</source>
        <translation>
            <numerusform>It opens %n case.</numerusform>
            <numerusform>It opens %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) have only a passphrase of their own.</source>
        <translation>
            <numerusform>%n case has only a passphrase of its own.</numerusform>
            <numerusform>%n cases have only a passphrase of their own.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErasureWords</name>
    <message numerus="yes">
        <source>Erasure verified: %n photo(s) gone</source>
        <translation>
            <numerusform>Erasure verified: %n photo gone</numerusform>
            <numerusform>Erasure verified: %n photos gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still online: %n photo(s) seen again</source>
        <translation>
            <numerusform>Still online: %n photo seen again</numerusform>
            <numerusform>Still online: %n photos seen again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) gone, the others not checked yet</source>
        <translation>
            <numerusform>%n photo gone, the others not checked yet</numerusform>
            <numerusform>%n photos gone, the others not checked yet</numerusform>
        </translation>
    </message>
</context>
</TS>
