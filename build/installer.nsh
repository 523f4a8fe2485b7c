; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The machine-wide data folder: every Windows user on the workstation works in the same encrypted database, so the
; folder lives in %ProgramData% (not in each user's own AppData) and the Users group may modify what is in it.
; *S-1-5-32-545 is the well-known SID of BUILTIN\Users, so this works whatever Windows' display language
; ("Brugere" on Danish Windows). (OI)(CI) lets files and folders created later inherit the right.
; The app itself computes the same folder (workstationDataDir in db/location.ts); keep the two in step.
; Uninstalling leaves the folder and its data alone: the institution's records are not the program's to delete.

!macro customInstall
  ReadEnvStr $1 "ProgramData"
  StrCmp $1 "" 0 +2
    StrCpy $1 "C:\ProgramData"
  CreateDirectory "$1\Familiespor"
  nsExec::ExecToLog 'icacls "$1\Familiespor" /grant *S-1-5-32-545:(OI)(CI)M'
  Pop $0
  StrCmp $0 "0" +2
    DetailPrint "Kunne ikke give brugerne adgang til $1\Familiespor (icacls: $0)"
!macroend
