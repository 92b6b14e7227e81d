print("Hello from Contrail!")
