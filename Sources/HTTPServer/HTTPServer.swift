// Placeholder until the HTTP server lands (issue 2).
