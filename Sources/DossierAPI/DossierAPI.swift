// Placeholder until the REST API lands (issue 4).
