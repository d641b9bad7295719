<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>RenderAvailability</name>
    <message>
        <source>Install the PySide6 add-ons matching your PySide6 (they hold QtWebEngine): run `bash installer/setup.sh` again, or `.venv/bin/pip install -e &apos;.[browser]&apos;`, then start FaceAudit again.</source>
        <translation>Installez les modules complémentaires de PySide6 (« add-ons », qui contiennent QtWebEngine) de la même version que votre PySide6 : relancez `bash installer/setup.sh`, ou `.venv/bin/pip install -e &apos;.[browser]&apos;`, puis redémarrez FaceAudit.</translation>
    </message>
</context>
</TS>
