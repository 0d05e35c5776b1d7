; Campaign Manager installer for Windows: per user, no administrator rights.
;   makensis -DVERSION=0.1.0 -DSOURCE=dist\campaign-gui -DICON=build\icons\campaign-gui.ico
;            -DOUTFILE=dist\campaign-gui-0.1.0-setup.exe packaging\windows\campaign-gui.nsi
; SOURCE is the PyInstaller onedir (campaign-gui.exe, campaign-gui-cli.exe, _internal\). -DFAST stores the files
; uncompressed (CI compiles this script on Linux with the Linux build as a stand-in payload).
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef SOURCE
  !error "pass -DSOURCE=path\to\dist\campaign-gui"
!endif
!ifndef ICON
  !error "pass -DICON=path\to\campaign-gui.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "campaign-gui-${VERSION}-setup.exe"
!endif
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP "Campaign Manager"
!define EXE "campaign-gui.exe"
!define PROGID "CampaignManager.Spreadsheet"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CampaignManager"

Name "${APP}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\CampaignManager" "InstallDir"
BrandingText "${APP} ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Vietnamese"

; One "Open with" entry per spreadsheet type, without taking over the user's default program.
!macro Associate EXT
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" "${EXT}" ""
!macroend
!macro Unassociate EXT
  DeleteRegValue HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXT}"
!macroend

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"  ; an older version's libraries
  File /r "${SOURCE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Spreadsheet (${APP})"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  !insertmacro Associate ".xlsx"
  !insertmacro Associate ".xlsm"
  !insertmacro Associate ".xls"
  !insertmacro Associate ".ods"
  !insertmacro Associate ".csv"
  !insertmacro Associate ".tsv"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  WriteRegStr HKCU "Software\CampaignManager" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Campaign Manager team"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  !insertmacro Unassociate ".xlsx"
  !insertmacro Unassociate ".xlsm"
  !insertmacro Unassociate ".xls"
  !insertmacro Unassociate ".ods"
  !insertmacro Unassociate ".csv"
  !insertmacro Unassociate ".tsv"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\CampaignManager"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; The program only: the user's data folder (accounts, journal, logs) stays, as with any uninstaller.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\campaign-gui-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
