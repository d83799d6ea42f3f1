"""What every Zorgwijzer app shares: permissions, audit trail, logging, health, scheduling."""
