Attribute VB_Name = "perfxl"
' perfxl macros for the standard reporting workbook (ribbon tab "Jixiao Ziping").
' Every button calls Python through xlwings' RunPython; the work is done by
' perfxl.excel.macros against the xlwings Book API, so the same code runs on
' Windows/Mac Excel, on xlwings Server (Office.js) and in tests.
' This file is ASCII on purpose: the VBA project uses code page 1252, so the
' Chinese help text is built from hex code points with PerfxlText().
Option Explicit

Private Const PERFXL_MACROS As String = "import perfxl.excel.macros as perfxl_macros; perfxl_macros."

' ---------------------------------------------------------------- macros

Public Sub PerfxlValidate()
    RunPython PERFXL_MACROS & "run_validate()"
End Sub

Public Sub PerfxlScore()
    RunPython PERFXL_MACROS & "run_score()"
End Sub

Public Sub PerfxlClearMarks()
    RunPython PERFXL_MACROS & "run_clear()"
End Sub

Public Sub PerfxlHelp()
    Dim msg As String
    msg = PerfxlText("00700065007200660078006C00207EE9654881EA8BC45DE55177") & vbLf & vbLf _
        & PerfxlText("301068219A8C301168C067E5672C5DE54F5C7C3FFF0C680751FA670995EE9898768453555143683C5E7651995165201C68219A8C7ED3679C201D5DE54F5C8868FF1B4E0D653952A860A8586B519976846570503C3002") & vbLf _
        & PerfxlText("3010590D68385F97520630115728201C5F975206201D65C17684201C590D68385F975206201D52175199516591CD65B08BA17B9776845F9752063002") & vbLf _
        & PerfxlText("30106E05966468078BB0301153BB638968219A8C75594E0B76845E958272300162796CE8548C201C68219A8C7ED3679C201D5DE54F5C88683002") & vbLf _
        & PerfxlText("53555143683C51FD6570FF1A003D0050004500520046005F00530043004F0052004500285E745EA663076807503C002C00205B9E96455B8C6210503C002C00205206503C002900207B49FF0C89C151FD657054115BFC7684002000700065007200660078006C00207C7B522B3002") & vbLf & vbLf _
        & PerfxlText("99966B214F7F7528FF1A5B8988C500200050007900740068006F006E00200033002E00310031002053CA4EE54E0A7248672CFF0C7136540E8FD0884C002000700069007000200069006E007300740061006C006C0020002200700065007200660078006C005B0065007800630065006C005D00223002") & vbLf _
        & PerfxlText("4F7F75288BF4660EFF1A0064006F00630073002F0065007800630065006C002E006D0064")
    MsgBox msg, vbInformation, "perfxl"
End Sub

' ---------------------------------------------------------------- ribbon callbacks (customUI14.xml onAction)

Public Sub OnValidate(control As IRibbonControl)
    PerfxlValidate
End Sub

Public Sub OnScore(control As IRibbonControl)
    PerfxlScore
End Sub

Public Sub OnClear(control As IRibbonControl)
    PerfxlClearMarks
End Sub

Public Sub OnHelp(control As IRibbonControl)
    PerfxlHelp
End Sub

' ---------------------------------------------------------------- helpers

' Text from a string of 4-digit hex UTF-16 code units ("4F60597D" -> two CJK characters).
Public Function PerfxlText(ByVal hexCodes As String) As String
    Dim i As Long
    Dim result As String
    For i = 1 To Len(hexCodes) Step 4
        result = result & ChrW(CLng("&H" & Mid$(hexCodes, i, 4)))
    Next i
    PerfxlText = result
End Function
