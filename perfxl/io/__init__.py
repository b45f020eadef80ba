"""Sources and sinks: reading workbooks into Grids (guarded against hostile files) and writing files atomically."""
