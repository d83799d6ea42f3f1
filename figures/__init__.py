"""Facts and figures of the Zorgwijzer (section 2): stored tables, rendered as pages."""
