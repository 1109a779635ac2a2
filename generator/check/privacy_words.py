"""The words of ordinary service text that tell a name from something else, all in lower case.

Written by hand: no package lists the vocabulary of English, Welsh, Scottish and Northern Irish
social care (its teams, bodies, Acts, roles and places) against which a name is judged, and the
lists below were tuned on the corpus in `tests/privacy_corpus/`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Little words of English: never a name after a title written in lower case ("mrs said"), and
# never part of a lower-case street ("2 miles down the road").
STOPWORDS = _words("""
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself neither no nor not now of off on once only
    or other our ours out over own per same she should so some such than that the their theirs
    them then there these they this those through to too under until up upon very via was we were
    what when where which while who whom why will with would you your yours
    said says told asked rang called phoned wrote complained agreed stated reported felt thought
    wanted needed came went got gave made had did left took kept met saw seen visited
    miles mile yards metres minutes hours days weeks months years times people families residents
""")

# Words that mark a team, a body, a place, a law, a role or a time: a capitalised pair holding one
# ("Hospital Social Work Team", "Care Act", "Rose Court", "Victoria Ward") is not a person.
SERVICE_WORDS = _words("""
    team teams service services council councils borough county city district metropolitan
    authority authorities department directorate division unit units hub centre center centres
    office offices board boards panel committee group groups partnership partnerships trust
    trusts foundation society association alliance network forum commission inspectorate
    ombudsman ombudsmen government parliament senedd assembly executive cabinet agency agencies
    charity project programme program scheme initiative company ltd limited plc llp cic
    care healthcare health social adult adults children childrens children's family families
    older people community communities public local national regional integrated joint
    mental learning disability disabilities physical sensory nursing residential domiciliary
    home homes housing living supported extra shared lives day night respite reablement
    rehabilitation intermediate hospital hospitals infirmary clinic surgery practice pharmacy
    hospice wards house lodge court manor villa grange gardens place park road street lane
    avenue drive close way crescent terrace square station school college university academy
    church chapel mosque temple synagogue gurdwara library museum zoo airport market retail
    manager managers officer officers worker workers director directors head lead leader
    coordinator co-ordinator assistant advisor adviser advocate advocacy practitioner therapist
    therapy occupational nurse nurses doctor consultant clinician member members chair chairman
    chairperson mayor councillor commissioner inspector assessor broker navigator champion
    principal senior deputy chief portfolio holder secretary minister registrar guardian
    receptionist administrator staff carers carer caseworker commissioning contracts brokerage
    safeguarding complaints complaint customer customers relations feedback quality assurance
    improvement performance finance financial assessment assessments review reviews plan plans
    planning policy procedure procedures process report reports strategy framework standards
    standard guidance guide code regulations regulation act acts bill order rules law charter
    protocol pathway model toolkit system systems payment payments direct personal budget budgets
    benefit benefits allowance charging charges fees fund funding grants tax credit universal
    pension attendance independence badge equipment adaptations telecare lifeline meals wheels
    transport appointment appointments visit visits meeting meetings hearing tribunal appeal
    protection capacity deprivation liberty safeguards rights equality human data freedom
    information privacy disclosure access contact enquiry enquiries referral referrals
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december spring winter christmas easter year years
    week weeks month months quarter annual weekly daily holiday holidays term period line lines
    north south east west northern southern eastern western central upper lower greater
    england wales scotland ireland britain british english welsh scottish irish uk united kingdom
    europe european london cymru alba
    update news summary overview introduction background action actions learning lessons
    outcome outcomes response responses decision decisions timescale timescales target targets
    stage stages first second third final upheld partly new main general special specialist
    emergency urgent hours duty door point single stop online digital website portal email
    phone telephone letter form survey questionnaire statement notice dementia autism stroke
    cancer covid coronavirus pandemic lockdown nhs hsc gp gps cqc lgsco pso spso nipso phso
    rqia ciw dwp hmrc dols lps mash mca ehcp chc fnc ot ots rag sen send ltd lgbt lgbtq bame
""")

# Surnames that are also words of place or service ("Hall", "Green", "Hill"): after an everyday
# first name ("Victoria Hall", "Grace Hill") they are a place; after any other ("Sarah Hall")
# they are a person.
SURNAME_PLACES = _words("""
    hall green hill hills wood woods field fields bridge brook brooks lake wells cross moss stone
    mill mills ward king young day banks price grant law rich long short white black brown gray
    grey rose hope bell may""")

# First names that are also everyday words, months or places ("Grace", "June", "Victoria",
# "Lincoln"): a pair starting with one is a person only if the second word is a surname known
# to the lexicon and nothing else ("Grace Walsh", not "Grace Period", "Victoria Hall").
EVERYDAY_FIRST_NAMES = _words("""
    us said made man lot job hope guy else summer june bill april august peace mark india german
    floor christian till sad rose paris lucky frank faith urban ray mad kick grant virginia grace
    don server roman marine mac harm drew charity angel victoria hunter forum diamond dean crystal
    comfort chase wolf warren toy sole robin jet eve edit dawn autumn sandy raid phoenix patience
    nail mar ion earl destiny charlotte canal sierra penny peer pearl pastor olive harsh harmony
    blessing tan ruby lily florence dale cord carol cal bo amber trinity tory rex pierce nova lance
    holly heather hardy glen danish coral chad baptist abbey violet valentine raven pier philippine
    melody jade ivy iris eden dom devon daisy archer apollo alexandria willow sol piper mart kingston
    gala flora ernest brent bonnie benedict aurora ale willy tanner puck poppy patty noel mare luna
    lore loot lex kaiser hazel brandy aura ariel sherry misty marian grit felicity corona clement
    aria norma manu ebony ante sue gene jack joy scot sai fay sonata shay sever nada ide feline
    ester veer maud luz luce janus emir carmine albino veda nadir holm gael falk nath
    lincoln stanley kent kingston sydney albert alexandra chester preston clifton beverley shirley
    carlisle milton leighton ashford
    an tea mile mate innocent hong duke valid fancy mercy ken newton purity nam lan rein lavender
    immaculate prudence franc
""")

# Pairs that name a body, a charity or a place after a person ("Sue Ryder", "Marie Curie",
# "Milton Keynes"): well known in social care, not personal data.
NAMED_AFTER_PEOPLE = frozenset({
    ("sue", "ryder"), ("marie", "curie"), ("leonard", "cheshire"), ("joseph", "rowntree"),
    ("florence", "nightingale"), ("mary", "seacole"), ("john", "lewis"), ("milton", "keynes"),
    ("elizabeth", "finn"), ("thomas", "pocklington"), ("edward", "jenner"), ("william", "harvey"),
    ("hywel", "dda"),
})

# Words after a name that make it the name of a place or a day ("Edith Cavell Ward", "Mary Seacole
# House", "James Cook University Hospital", "Martin Luther King Day").
NAMED_PLACES = _words("""
    ward wing house court lodge centre center hospital hospice unit school college academy library
    building suite hall home clinic surgery road street avenue lane close way drive gardens place
    square park trust foundation fund appeal award memorial university infirmary institute room
    gallery theatre museum stadium arena day week lecture prize""")

# A word before a first name that makes it a saint, a monarch or a building ("St John",
# "Queen Elizabeth Hospital", "Prince Charles").
BEFORE_NOT_A_PERSON = _words("st st. saint queen king prince princess royal holy our")

# What an officer writes where a name was: "Mrs X", "Mr Xxxx", "Ms [name]", "Mr Redacted".
PLACEHOLDERS = _words("x xx xxx xxxx xxxxx name surname redacted anon anonymous blank tbc unknown")
