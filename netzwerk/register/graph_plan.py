"""Plans of idempotent MERGE statements that load nodes and links: the demo seed and the JSON
graph import both write through here (kept apart from seeding.py so that the register's
import views need not import the seed loader, which imports the register)."""

# YAML section -> (label, query stem that merges its nodes)
NODE_SECTIONS = {
    "districts": ("District", "merge_districts"),
    "actors": ("Actor", "merge_actors"),
    "people": ("Person", "merge_people"),
    "offers": ("Offer", "merge_offers"),
    "round_tables": ("RoundTable", "merge_round_tables"),
    "series": ("Series", "merge_series"),
    "events": ("Event", "merge_events"),
    "needs": ("Need", "merge_needs"),
}
LABEL_OF_SECTION = {section: label for section, (label, _) in NODE_SECTIONS.items()}


def write_plan(store, plan, now):
    """Writes a plan of merge statements as one unit; node merges get the time stamp."""
    steps = [(name, {**params, "now": now} if "rows" in params else params) for name, params in plan]
    if steps:
        store.write_unit(steps)
    return len(steps)
