données = {"clé": 1}
print("→", données["clef"])
