"""`candour bench`: a synthetic council of any size, and the time each stage takes on it."""
