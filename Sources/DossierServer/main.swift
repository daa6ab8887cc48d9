// Placeholder until the server executable lands (issue 2).
print("dossier-server: not built yet")
