"""General-English word lists used across stages.

Nothing here is about any particular story: these are closed classes of
English (function words, reporting verbs, hedges) and common news vocabulary.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each either else ever every few for from further had hadn't
    has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's me
    more most much must mustn't my myself neither no nor not now of off on once one's only or
    other ought our ours ourselves out over own per quite rather same shan't she she'd she'll
    she's should shouldn't since so some such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those though through thus
    to too under until up upon us very via was wasn't we we'd we'll we're we've were weren't what
    what's when when's where where's whether which while who who's whom whose why why's will with
    within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
    yourselves also still even already again ago s t
    """.split()
)

# Verbs that introduce reported speech or attribution, base and inflected forms.
REPORTING_VERBS = frozenset(
    """
    said says say saying told tells tell telling added adds add explained explains explain
    noted notes note stressed stresses stress claimed claims claim insisted insists insist
    admitted admits admit acknowledged acknowledges acknowledge announced announces announce
    stated states state declared declares declare asserted asserts assert argued argues argue
    warned warns warn confirmed confirms confirm denied denies deny reported reports report
    wrote writes write suggested suggests suggest alleged alleges allege maintained maintains
    maintain revealed reveals reveal disclosed discloses disclose conceded concedes concede
    contended contends contend emphasised emphasized emphasises emphasizes emphasise emphasize
    underlined underlines underline pointed remarked remarks remark observed observes observe
    commented comments comment replied replies reply responded responds respond countered
    counters counter recalled recalls recall estimated estimates estimate predicted predicts
    promised promises promise vowed vows vow urged urges urge asked asks ask questioned
    complained complains complain boasted boasts boast mused muses muse quipped quips quip
    described describes accused accuses branded brands labelled labeled condemned condemns
    criticised criticized criticises criticizes praised praises blamed blames tweeted tweets
    posted welcomed welcomes pledged pledges
    """.split()
)

# Evidential hedges: the writer does not vouch for the claim.
HEDGE_PHRASES = (
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "presumably",
    "according to reports",
    "according to media reports",
    "according to sources",
    "according to",
    "it is understood",
    "it is believed",
    "it is thought",
    "it is claimed",
    "it is alleged",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "is believed to",
    "are believed to",
    "is thought to",
    "are thought to",
    "is understood to",
    "is alleged to",
    "is reported to",
    "are reported to",
    "was reported to",
    "were reported to",
    "unconfirmed",
    "unverified",
    "rumoured",
    "rumored",
    "sources said",
    "sources say",
    "possibly",
    "probably",
    "likely to",
    "unlikely to",
    "appears to",
    "appear to",
    "appeared to",
    "seems to",
    "seem to",
    "seemed to",
)
# Modal hedges: weaker, but they still turn a fact into a possibility.
MODAL_HEDGES = ("may", "might", "could")

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

# Capitalised words that are not names when they open a sentence.
NON_NAME_CAPITALS = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my your
    in on at by for from with after before during since until as if when while where but and
    or so yet however meanwhile also although though because despite earlier later last next
    afterwards following according there here what who why how which some many most several
    all both each every one two three four five six seven eight nine ten
    mr mrs ms dr prof
    """.split()
)

# Intensifiers and downtoners: they turn up or down the force of a statement.
INTENSIFIERS = frozenset(
    """
    very really extremely highly deeply seriously sharply strongly greatly hugely massively
    utterly totally completely absolutely entirely fully truly particularly especially
    increasingly vastly dramatically drastically severely bitterly fiercely heavily
    so too most least barely hardly slightly somewhat fairly rather quite exactly
    """.split()
)

# Evaluative and loaded words: they judge rather than report. General English, in the
# spirit of subjectivity lexicons; a word swapped for one of these is a framing choice.
EVALUATIVE = frozenset(
    """
    regime junta thugs thug terrorists terrorist militants militant extremists extremist
    radicals radical insurgents insurgent rebels rebel separatists separatist mob rioters
    rioter looters looter zealots hardliners hardliner puppet stooges cronies propaganda
    aggression aggressive aggressor provocative provocation provocations reckless brutal
    brutally ruthless savage barbaric heinous atrocity atrocities massacre slaughter carnage
    illegal illegitimate unlawful lawful legitimate unjustified justified unprovoked
    baseless groundless unfounded well-founded founded sovereign rights right entitled
    controversial notorious infamous disgraced embattled beleaguered defiant hawkish
    dovish staunch hardline moderate populist elitist corrupt crooked shady dubious
    so-called alleged self-proclaimed self-styled de-facto occupied occupation annexed
    annexation liberated liberation invasion invaded incursion disputed contested
    slammed blasted branded condemned denounced decried praised hailed
    lauded touted
    crisis chaos chaotic disaster disastrous catastrophe catastrophic fiasco debacle
    scandal shameful shocking outrageous outrage alarming dangerous threat threatening
    peaceful peacefully heroic hero heroes martyr martyrs victims victim innocent
    draconian crackdown repression repressive oppression oppressive tyranny tyrant dictator
    dictatorship authoritarian strongman patriots patriotic
    conciliatory hostile belligerent bellicose sabre-rattling saber-rattling warmongering
    """.split()
)

# Words that judge whether an act is allowed: a family of their own, so "within its
# rights" / "sovereign right" / "well founded" are compared with each other.
LEGITIMACY = frozenset(
    """
    right rights entitled sovereign legitimate illegitimate legal illegal lawful unlawful
    justified unjustified founded well-founded unfounded baseless groundless legitimately
    illegally permissible unacceptable acceptable warranted unwarranted
    """.split()
)

# Phrases with which a writer steps out of reporting into comment.
OPINION_MARKERS = (
    "not exactly",
    "of course",
    "clearly",
    "obviously",
    "arguably",
    "surely",
    "undoubtedly",
    "no doubt",
    "it seems",
    "in fact",
    "to be sure",
    "needless to say",
    "frankly",
    "ironically",
    "unfortunately",
    "fortunately",
    "sadly",
    "hopefully",
    "should",
    "ought to",
    "must",
    "though.",
    "though,",
)
