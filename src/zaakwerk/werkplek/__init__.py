"""The werkplek: case handling for a municipality's staff, on the ZGW APIs alone (through
``zaakwerk.client``). Its own tables hold only its own state."""
