"""One module per `candour` sub-command; each offers `register(subparsers)` and a `run(args)`."""
