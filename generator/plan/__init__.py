"""The plan as one validated, typed object: the model, the rules from rows to it, standard texts."""
