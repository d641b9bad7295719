<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ClinicScreen</name>
    <message>
        <source>Clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>For clinics and helplines that act for several clients on this computer: each client is a case with its own key. Open a client&apos;s case to see its log, hand it over, or give the client a report.</source>
        <translation>Pour les cliniques juridiques et les permanences qui agissent pour plusieurs clients sur cet ordinateur : chaque client est un dossier avec sa propre clé. Ouvrez le dossier d&apos;un client pour voir son journal, le transmettre ou remettre un rapport au client.</translation>
    </message>
    <message>
        <source>No clinic tools are installed.</source>
        <translation>Aucun outil de clinique n&apos;est installé.</translation>
    </message>
</context>
</TS>
