"""Actions: one function per user action. Each takes the actor (the signed-in account, or None), checks who
may do it (role, ownership, membership, limits), does its reads and writes in one transaction, and returns a
plain result or raises a Refusal (actions.refusals) that the pages turn into a Chinese message."""
