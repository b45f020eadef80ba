' Body of the ThisWorkbook document module (its attribute header is Excel's own).
Option Explicit

Private Sub Workbook_Open()
    ' Descriptions and argument help of the PERF_* functions for the function wizard (fx).
    PerfxlRegisterFunctions
End Sub
