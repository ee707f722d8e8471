"""The classes of words source typing reads (``source.py``): research, filings, whom an aide serves, bodies only a
state has, private bodies, where people are, who speaks for whom, an organisation's own channels. General English,
not fitted to any set; each class has tests in ``tests/test_provenance.py`` and ``tests/test_source_names.py``."""

from __future__ import annotations

RESEARCH = frozenset("study survey poll paper research".split())
FILING_VERBS = frozenset("file lodge submit".split())
SERVES = frozenset("aide adviser advisor assistant counsellor counselor envoy".split())  # "an aide to X" speaks for X
# Bodies only a state has, whatever words their names hold.
STATE_ONLY = frozenset("ministry".split())
# A place's name in a body's name ("Kansas City Police", "Orange County Council"), not alone a mark of one ("Kansas City Chiefs").
PLACE_PARTS = frozenset({"place", "local"})
# "one of the union's leaders" (subject.PARTITIVES: pronoun-like subjects, "some said").
PARTITIVE = frozenset("one some several many each both all any either neither".split())
PRIVATE = frozenset("private privately-run privately-owned for-profit non-governmental nongovernmental non-state".split())  # "a private security service"
# A body an official role word names when it heads a proper name (unlike "Nintendo President").
BODY_ROLES = frozenset("bureau directorate office".split())
# Entity types that name no body: "the Lakeshore City Marathon" (an event), "the National Stadium".
NOT_BODIES = frozenset("EVENT FAC WORK_OF_ART PRODUCT".split())
# Where people are, not whom they speak for: "commuters at the station", "vendors in the market".
LOCATIVE = frozenset("at in near outside inside around across".split())
# Roles whose one job is to speak for a body or a person (the body is the source, not the role).
SPEAKS_FOR = frozenset("spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen representative rep reps".split())
# Channels an organisation publishes itself (a person's blog is still online posting).
OWN_MEDIA = frozenset("blog website newsletter".split())
# Common nouns that name an expert's employer, not their field ("government scientists", unlike "military historian").
EMPLOYERS = frozenset("government state ministry department agency administration council".split())
