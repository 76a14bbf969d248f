print("sign")
