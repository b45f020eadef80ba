"""Extra routes of the perfxl add-in server (xlwings Server includes `routers.custom.router`)."""
