"""The September 2017 stock-take as the paper to the Policy and Resources Cabinet Committee of 15 September 2017
gives it (seed 003 item 10): Table 1 (close down immediately), Table 2 (close down during 2017/18), the 21 under
or due for review, and the 36 forthcoming documents. Entries are referred to by their register number; titles
come from the register (register-2017-09.csv, Appendix A as printed). See README.md."""

import datetime as dt

D = dt.date

SECTIONS = (
    "Corporate and Strategic Relationships",
    "Adult Social Care and Health",
    "Public Health",
    "Children, Young People and Education",
    "Growth, Environment and Transport",
)

# The seed does not date these steps; README.md says what was chosen.
REGISTER_ON = D(2017, 6, 27)  # CMT tested the draft register and stock-take (Past Pathway, 2.2)
AGREED_ON = D(2017, 9, 1)  # Cabinet Members agreed the close-downs before the paper of 15 September
AGREED_BY = "Cabinet Member (stock-take 2017)"
PAPER_ON = D(2017, 9, 15)

# Table 1 (lines 1903-1933), in the paper's order: number, reason, successor number or None, the paper's words.
TABLE_1 = (
    (4, "replaced", 1, "Has been replaced - by Increasing Opportunities, Improving Outcomes (2015-2020)"),
    (5, "out_of_date", None, "Out of date"),
    (6, "out_of_date", None, "Out of date"),
    (7, "out_of_date", None, "Out of date"),
    (15, "replaced", 48, "Has been replaced - by an updated version (2016-2020)"),
    (19, "replaced", 20, "Has been replaced - by the Customer Service Policy (2015-2018)"),
    (41, "replaced", 42, "Has been replaced - by the Bribery Policy (2017)"),
    (
        75,
        "out_of_date",
        74,
        "Out of date - This strategy has been replaced by Working Together to Improve Outcomes: Children and "
        "Young People's Framework.",
    ),
    (77, "out_of_date", None, "Out of date"),
    (80, "replaced", 81, "Has been replaced – by an updated version (2017-19)."),
    (84, "out_of_date", None, "Out of date"),
    (90, "out_of_date", None, "Out of date"),
    (98, "replaced", 99, "Has been replaced - by an updated version (2016-18)"),
    (93, "replaced", 94, "Has been replaced - by Kent Looked After Children and Care Leaver Strategy (2015-16)."),
    (105, "out_of_date", None, "Out of date"),
    (113, "out_of_date", None, "Out of date"),
    (114, "out_of_date", None, "Out of date"),
    (119, "replaced", 107, "Has been replaced - is now incorporated into Local Transport Plan 4"),
    (127, "out_of_date", None, "Out of date"),
    (132, "out_of_date", None, "Out of date"),
    (133, "out_of_date", None, "Out of date"),
    (62, "out_of_date", None, "Out of date"),
    (56, "out_of_date", None, "Out of date"),
    (52, "replaced", 53, "Has been replaced - by an updated version (2016-17)"),
    (72, "replaced", 65, "Has been replaced - by the Kent Drug and Alcohol Strategy (2017-2022)"),
    (66, "replaced", 65, "Has been replaced - by the Kent Drug and Alcohol Strategy (2017-2022)"),
    (69, "replaced", None, "Has been replaced - by an updated version (2015-2020)"),
    (68, "out_of_date", None, "Out of date"),
    (70, "out_of_date", None, "Out of date"),
)
# 69's successor is not on the register: the paper names it only as this.
REPLACEMENT_NOTES = {69: "Kent Healthy Weight Strategy, updated version (2015-2020)"}

# Table 2 (lines 1938-1953), in the paper's order: number, expected (as the paper gives it), last day of that
# period (None: "in development"), the forthcoming document that replaces it (by its name below) or None.
TABLE_2 = (
    (3, "Sept 2017", D(2017, 9, 30), "Commissioning Success (2017)"),
    (22, "Dec 2017", D(2017, 12, 31), "Asset Strategy (2017)"),
    (25, "Sept 2017", D(2017, 9, 30), "Business Continuity Policy (2017)"),
    (34, "Sept 2017", D(2017, 9, 30), "Branding and Communications Guidelines/Policy (2017)"),
    (35, "Sept 2017", D(2017, 9, 30), "Comments, Complaints and Compliments Policy (2017)"),
    (44, "Oct 2017", D(2017, 10, 31), "Data Quality Policy (2017)"),
    (94, "in development", None, "Kent's Looked After Children and Care Leavers Strategy (2017/18)"),
    (110, "end of 2017", D(2017, 12, 31), "Growth and Infrastructure Framework for Kent and Medway (2017-2037)"),
    (129, "2018", D(2018, 12, 31), "Kent County Parks Service Strategy"),
    (125, "Nov 2017", D(2017, 11, 30), None),
    (120, "Oct 2017", D(2017, 10, 31), None),
    (116, "Mar 2018", D(2018, 3, 31), None),
    (131, "Sept 2017", D(2017, 9, 30), "Community Safety Agreement (2017)"),
    (53, "2017/18", D(2018, 3, 31), None),
    (91, "Autumn 2017", D(2017, 11, 30), "Kent Open Access Strategy (2017-2019)"),
    (87, "2017/18", D(2018, 3, 31), "NEETs Strategy (2017)"),
)
TABLE_2_WORDS = {
    3: "Will be replaced - by Commissioning Success in Sept 2017",
    22: "Will be replaced - by a new version by Dec 2017",
    25: "Will be replaced - by new version in Sept 2017",
    34: "Will be replaced - by new version in Sept 2017",
    35: "Will be replaced - by new version in Sept 2017",
    44: "Will be replaced - by a new version in Oct 2017",
    94: "Will be replaced - by a new version which is currently in development",
    110: "Will be replaced – by a new version by end of 2017",
    129: "Will be replaced - by a new version in 2018",
    125: "Will be replaced - by a new version in Nov 2017",
    120: "Will be replaced - by a new version in Oct 2017",
    116: "Will be replaced - by a new version in Mar 2018",
    131: "Will be replaced - by a new version in Sept 2017",
    53: "Will be replaced - by a new version in 2017/18",
    91: "Will be replaced - by the Kent Open Access Strategy (2017-2019) in Autumn 2017.",
    87: "Will be replaced - by a new version in 2017/18",
}

# Under or due for review (3.5, lines 1957-1978).
UNDER_REVIEW = (20, *range(26, 34), 46, 60, 61, 76, 89, 96, 100, 106, 111, 115, 128, 130)

# Forthcoming (2181-2224): 18 replacements and 18 new, in the register's order, with the section they were
# given (the seed lists them without one: chosen from the document each replaces or its subject).
FORTHCOMING_REPLACEMENTS = (
    ("Commissioning Success (2017)", "Corporate and Strategic Relationships"),
    ("Mind the Gap refresh", "Corporate and Strategic Relationships"),
    ("Countryside Access and Coastal Improvement Plan", "Growth, Environment and Transport"),
    ("Kent County Parks Service Strategy", "Growth, Environment and Transport"),
    ("Kent Health and Wellbeing Strategy", "Adult Social Care and Health"),
    ("Final Sustainability and Transformation Plan for Kent & Medway", "Adult Social Care and Health"),
    ("Growth and Infrastructure Framework for Kent and Medway (2017-2037)", "Growth, Environment and Transport"),
    ("Kent Housing Strategy", "Growth, Environment and Transport"),
    ("Asset Strategy (2017)", "Corporate and Strategic Relationships"),
    ("Kent Minerals Sites Plan", "Growth, Environment and Transport"),
    ("Branding and Communications Guidelines/Policy (2017)", "Corporate and Strategic Relationships"),
    ("Business Continuity Policy (2017)", "Corporate and Strategic Relationships"),
    ("Data Quality Policy (2017)", "Corporate and Strategic Relationships"),
    ("Comments, Complaints and Compliments Policy (2017)", "Corporate and Strategic Relationships"),
    ("Community Safety Agreement (2017)", "Growth, Environment and Transport"),
    ("Tobacco Control Strategy (2017)", "Public Health"),
    ("NEETs Strategy (2017)", "Children, Young People and Education"),
    ("Kent's Looked After Children and Care Leavers Strategy (2017/18)", "Children, Young People and Education"),
)
FORTHCOMING_NEW = (
    ("Sensory Strategy (2016-2019)", "Adult Social Care and Health"),
    ("Kent Multi-Agency Neglect Strategy", "Children, Young People and Education"),
    ("KCC Safeguarding Policy", "Corporate and Strategic Relationships"),
    ("Modern Slavery in Kent Strategy", "Growth, Environment and Transport"),
    ("Kent Gangs Strategy", "Growth, Environment and Transport"),
    ("Gangs Strategy (Peer Review Learning)", "Growth, Environment and Transport"),
    ("Libraries, Registration and Archives ambition/strategy", "Growth, Environment and Transport"),
    (
        "Economic Development Strategy (Also called Enterprise and Productivity Strategy)",
        "Growth, Environment and Transport",
    ),
    ("Low Emissions Strategy", "Growth, Environment and Transport"),
    ("Faith Covenant", "Corporate and Strategic Relationships"),
    ("Strategic Partnerships Framework", "Corporate and Strategic Relationships"),
    ("Approach to Highway Asset Management", "Growth, Environment and Transport"),
    ("New Strategy for KCC's new Lead Local Flood Authority role", "Growth, Environment and Transport"),
    ("Kent Open Access Strategy (2017-2019)", "Children, Young People and Education"),
    ("Engagement Strategy (2017/18)", "Corporate and Strategic Relationships"),
    ("Recruitment Strategy (2017)", "Corporate and Strategic Relationships"),
    ("Resourcing Strategy (2017)", "Corporate and Strategic Relationships"),
    ("Leadership and Management Strategy (2017)", "Corporate and Strategic Relationships"),
)

# The worked example of seed 001 (lines 225-275): the VCS policy (register no. 45) approved September 2015
# with a review promised by 2019; an evaluation to CMT in June 2018; in November 2019 the committee was asked
# to endorse refreshing it into a Civil Society Strategy.
VCS = {
    "number": 45,
    "purpose": "Sets out KCC's strategic relationship with the voluntary and community sector (not only those it "
    "funds), the principles of its future offer of support, and a new open and transparent grant framework.",
    "start_date": D(2015, 9, 1),
    "review_date": D(2019, 12, 31),
    "decision_body": "Policy and Resources Cabinet Committee",
    "publication": "external",
    "evaluation_on": D(2018, 6, 1),
    "evaluation": "Initial evaluation by SPRCA to the Corporate Management Team (June 2018): largely successful; "
    "a VCS policy remains needed and should be refreshed.",
    "refresh_on": D(2019, 11, 1),
    "refresh": "Committee asked to endorse refreshing the VCS policy into a new KCC Civil Society Strategy and "
    "going to formal consultation in the new year.",
}

# Plan activities of the 2019-20 Strategic Delivery Plan (the sample plan) about register entries: activity
# number → register number, or the name of a forthcoming document.
ACTIVITY_LINKS = (
    ("68", 45),
    ("62", 1),
    ("40", 50),
    ("48", 58),
    ("33", 108),
    ("1", 78),
    ("37", "Libraries, Registration and Archives ambition/strategy"),
    ("21", "Economic Development Strategy (Also called Enterprise and Productivity Strategy)"),
    ("69", "Asset Strategy (2017)"),
)
