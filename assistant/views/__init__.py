"""Views across meetings: the register and the index → the decisions register, the latest
decision on a topic, a topic's timeline, a committee briefing, and their Markdown / CSV exports."""
