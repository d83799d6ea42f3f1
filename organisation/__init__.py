"""Units, teams, people, roles and the HR import."""
