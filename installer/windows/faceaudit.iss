; Inno Setup 6 script: FaceAudit for one Windows user, no administrator rights needed.
; installer/build.sh runs it on Windows (Git Bash) after PyInstaller has built
; dist\FaceAudit\ (FaceAudit.exe, faceaudit-cli.exe, _internal\), the same one-folder
; layout as on Linux. By hand:  ISCC.exe /DAppVersion=0.1.0 installer\windows\faceaudit.iss
; Installs to %LOCALAPPDATA%\Programs\FaceAudit; the data folder %LOCALAPPDATA%\FaceAudit is
; separate and is deleted by the uninstaller only if the person says so, after a warning.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=X.Y.Z installer\windows\faceaudit.iss
#endif
#define AppName "FaceAudit"
#define AppExe "FaceAudit.exe"
#define Root "..\.."

[Setup]
; The app id never changes between versions: it is how upgrades find the installed copy.
AppId=org.faceaudit.FaceAudit
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The FaceAudit developers
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={userpf}\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#Root}\build\licenses\FaceAudit-GPL-3.0-or-later.txt
; The model weights' terms (non-commercial research use only), shown before installing.
InfoBeforeFile={#Root}\build\licenses\MODEL-WEIGHTS.txt
SetupIconFile={#Root}\build\icons\faceaudit.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=FaceAudit-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.DeleteDataQuestion=Also delete your FaceAudit data in %1?%n%nThis is every case: reference photos, findings, letters and the tracking of your requests' deadlines.
english.DeleteDataWarning=This deletes your FaceAudit data for good. It cannot be undone.%n%nDelete it?
french.DeleteDataQuestion=Supprimer aussi vos données FaceAudit dans %1 ?%n%nCe sont tous les dossiers : photos de référence, résultats, lettres et suivi des délais de vos demandes.
french.DeleteDataWarning=Vos données FaceAudit seront supprimées définitivement. C'est irréversible.%n%nLes supprimer ?

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\FaceAudit\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Byte-code caches written next to the program after installation.
Type: filesandordirs; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  { The same folder as platformdirs' user_data_dir("FaceAudit") used by faceaudit.paths. }
  DataDir := ExpandConstant('{localappdata}\FaceAudit');
  if UninstallSilent or not DirExists(DataDir) then
    exit;
  if MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataDir]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    exit;
  if MsgBox(CustomMessage('DeleteDataWarning'), mbCriticalError,
            MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(DataDir, True, True, True);
end;
