"""The classes of verbs attribution reads: speech, findings, stances ("are critical of"), reporting without a source, orders,
claims of responsibility, online discussion, what outlets obtain and posts do, a party's own
decisions, states and rule (no acts), and a fact-checker's verdicts. General English, not fitted
to any set; each class has tests in ``tests/test_provenance.py``."""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    "say tell state declare announce report claim deny confirm suggest speculate allege insist call describe "
    "warn accuse attribute point add note write post publish release read reveal explain acknowledge admit "
    "blame condemn urge vow threaten promise argue believe assert brand label dismiss reject discuss rumour "
    "rumor circulate tweet broadcast quote estimate predict conclude stress emphasise emphasize maintain "
    "contend theorize theorise speculate voice express characterise characterize respond react comment "
    "view regard consider name identify joke quip mock praise criticise criticize slam question ask demand reply "
    "thank complain tout hail welcome disclose detail unveil outline justify defend suspect recommend advise expect forecast project cite "
    "caution concede reiterate testify proclaim assure reassure anticipate email message recall recount interject rejoin retort "
    "exclaim shout remark boast brag lament muse apologise apologize denounce decry deplore regret rebuke lambast credit hint "
    "underscore underline reaffirm reassert restate concur affirm aver avow profess divulge opine posit surmise hypothesize "
    "hypothesise laud extol commend congratulate castigate excoriate berate chide scold admonish reproach bemoan bewail fume "
    "gush grumble scoff sneer mutter murmur whisper implore inform notify rebut refute dispute contradict disagree clarify "
    "retract confide insinuate".split()
)
# Verbs of saying made with a particle: "summed up the mood", "spelt out the position", "hit out at".
PHRASAL_SPEECH = frozenset({("sum", "up"), ("spell", "out"), ("hit", "out"), ("lash", "out"), ("speak", "out"), ("weigh", "in"), ("chime", "in")})
# Speech verbs that also take things as their object: "The deal adds 14 vessels to the fleet"
# says nothing; "She added that ..." and '"...," he added' do.
COUNTING_VERBS = frozenset("add".split())
# Speech verbs that say something only through what they put out: with no object, no clause and no
# quotation ("the hostages were released", "the passengers immediately released") nothing was said.
RELEASING_VERBS = frozenset("release publish unveil disclose issue".split())
# Speech verbs that are deeds unless a content clause, an infinitive or a quotation says something:
# "the season concluded on Nov 20", "Pliskova threatened Barty on serve" (a person threatened),
# "Barty claimed her first title" (a thing won, WON_THINGS), "The Philippines maintains a small
# garrison"; "concluded that ...", "threatened to resign", "claimed that ...", "claimed the attack"
# and "maintained that ..." say something.
# Sounds and moods of speaking say nothing without it: "The crowd whispered as the judge entered", "fans fumed".
DEED_UNLESS_CLAUSE = frozenset("conclude threaten claim maintain whisper murmur mutter fume grumble scoff sneer gush".split())
# Speech verbs that give someone credit or blame only with whom for what ("credited the fans for the
# win", "credited X with saving ..."); "credited the refunds to customers' accounts" is a deed.
CREDIT_VERBS = frozenset("credit".split())
CREDIT_PREPOSITIONS = frozenset("with for".split())
# What a work tells without saying anything: "The movie tells the story of ..." (senses.tells_a_story).
STORIES = frozenset("story tale".split())
WON_THINGS = frozenset("title crown victory win medal gold silver bronze trophy championship cup prize award "
                       "seat place spot pole record lead life".split())
# What a person does with news of their own, never as a witness of someone else's.
OWN_NEWS_VERBS = frozenset("announce unveil".split())
# Verbs that state a finding or a view only with a content clause ("They found that ...", "data show that ...", "the court
# held that ...", "He proposed that ...", "Officials fear the toll will rise", "The union wants the talks to resume"); with a
# plain object they are deeds or say nothing ("Police found a body", "ERT showed footage", "held a rally", "proposed a
# merger", "Residents fear the worst", "Residents want answers").
# Verbs of a view among them are a source's only when the holder is one by name or by its own noun ("The union
# accepted that ...", not "Colleagues of the judge feel ...").
VIEW_VERBS = frozenset("think feel recognise recognize accept agree reckon".split())
CLAUSE_VERBS = frozenset("find show indicate hold propose fear hope doubt worry want".split()) | VIEW_VERBS
# A noun of saying put out by a support verb says what the verb alone does not, when what was said
# follows (senses.speech_noun): "Greenpeace issued a warning that ...", "The airline gave assurances
# that ...", "released a statement thanking ...". With nothing said after it, the act is narration
# ("paid tribute to the director", "issued a statement on Monday"), and a pledge of money, an appeal
# lodged or a claim on insurance are acts. "put" only with "out" or "forward".
SUPPORT_VERBS = frozenset("give issue make offer deliver extend lodge sound pay put".split())
SPEECH_NOUNS = frozenset("statement warning plea apology assurance denial announcement confirmation explanation comment remark "
                         "rebuttal accusation allegation condemnation tribute declaration admission retraction clarification "
                         "testimony ultimatum pledge promise claim threat complaint request demand guarantee prediction "
                         "recommendation appeal proposal suggestion reply response".split())
# Passive without an agent, these still report ("It is reported that ...", "He is believed to ...").
REPORTING_VERBS = frozenset("say report claim allege rumour rumor believe estimate suggest speculate tell understand fear".split())
COMMAND_VERBS = frozenset("order instruct decree command direct authorize authorise mandate".split())
# Speech verbs that, as a participle after a noun, give it a name: "molecules called VLRs", "a
# village named Kuru", "a movement dubbed 'quiet quitting'".
NAMING_VERBS = frozenset("call name dub term label brand".split())
# Participles that give a source its name: "a group calling itself the Front", "known as ...", "called BlackTide".
GIVEN_NAME_VERBS = frozenset("call know name dub".split())
# Who quotes someone without being a source one could check ("quoted by anonymous sources", "by a rumour"), and words
# that say a quotation may not be real ("quoted as saying in a doctored clip", "by a fake news website").
UNSOURCED = frozenset("source sources rumour rumor report reports anonymous unnamed unidentified".split())
DOUBTED = frozenset("fake doctored fabricated forged parody satirical deepfake ai-generated manipulated wrongly falsely erroneously".split())
# Orders only with what is ordered as a clause or an infinitive ("directed the agency to review ..."):
# "a film directed by Guillermo del Toro", "he commanded the 3rd Division" lead, they order nothing.
CLAUSE_COMMANDS = frozenset("direct command".split())
RESPONSIBILITY_VERBS = frozenset("take claim assume accept admit".split())
DISCUSSION_VERBS = frozenset("discuss circulate spread suggest speculate debate share rumour rumor theorize".split())

# What an outlet or a poster does to what it then reports ("documents obtained by TechCrunch").
FOUND_VERBS = frozenset("obtain attain see review leak film record photograph share post circulate publish verify".split())
# How a post spreads: "a video viewed 2 million times", "posts shared thousands of times".
CIRCULATION_VERBS = frozenset("share view watch like retweet repost forward circulate spread".split())
# What a post receives, told by the article: "The post drew 20 million likes", "the thread had
# attracted 1,800 comments". Its reception, not its content.
RECEPTION_VERBS = frozenset("draw attract receive garner rack gain earn amass collect".split())
# A party's own decisions, announced by it ("Samsung introduced ...", "the committee decided to award ..."); "launch" is
# left out: armed groups launch attacks.
PARTY_ANNOUNCEMENTS = frozenset("introduce debut decide award appoint nominate select sign".split())
# Verbs of a state or of a change of state, not an act: "Most EU members belong to it", "the ministry became the
# largest landlord", "officials remained tightlipped" describe; no authority acts.
STATE_VERBS = frozenset("belong have include consist contain comprise own lie become remain exist".split())
# What an authority does as its function, under way or done: "The safety board is investigating the
# derailment", "Officers are appealing for witnesses" (unlike "firefighters are battling the blaze").
FUNCTION_VERBS = frozenset("investigate probe examine review inquire audit appeal pursue prosecute consider assess".split())
# Forces' operations told as events: "The Israeli army carried out reprisal attacks", "police cordoned off the area".
OPERATION_VERBS = frozenset("attack strike bomb shell raid cordon escort patrol battle fight fire shoot kill carry storm".split())
# A body's timetable, not its act: "The royal commission will resume this morning", "A committee will meet".
SCHEDULE_VERBS = frozenset("begin resume meet convene sit start open close adjourn hold reconvene".split())
# Who holds power is background, not an act: "The country has been ruled by a junta since 2022".
RULE_VERBS = frozenset("rule govern run lead control administer".split())

# A stance stated as the speaker's state of mind, as news often reports one: "Refugee groups are
# strongly critical of the claims", "The administrators are confident of paying ..."; not what a
# situation is ("it is clear", "he is sure" read as anyone's) nor a feeling alone ("sad").
STANCES = frozenset("critical confident optimistic pessimistic adamant disappointed concerned worried satisfied unhappy "
                    "sceptical skeptical hopeful determined opposed supportive unconvinced dismissive wary "
                    "doubtful defiant upbeat".split())


# Stances the parser reads as passives ("is disappointed with"); not "determined", "opposed": acts done to something.
STANCE_PARTICIPLES = frozenset("disappointed satisfied unhappy worried concerned pleased delighted dismayed alarmed".split())


# A fact-checker's ratings: "The claim is false" judges the claim, it does not go on making it.
VERDICTS = frozenset("false untrue baseless unfounded misleading fabricated fake incorrect inaccurate wrong true accurate "
                     "correct unsubstantiated unproven doctored authentic genuine altered manipulated".split())
