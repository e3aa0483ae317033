print("nomen")
