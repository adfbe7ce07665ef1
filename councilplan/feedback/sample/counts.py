"""The counts the sample's records reproduce, typed from the seeds (see README.md). Pure data."""

ASCH = "Adult Social Care and Health"
CYPE = "Children, Young People and Education"
GET = "Growth, Environment and Transport"
SCS = "Strategic and Corporate Services"

# Seed 004 lines 1236–1246: service, its directorate, 12 months to Sep 16, 12 months to Sep 17, quarter to Jun
# 17, quarter to Sep 17.
SERVICES = [
    ("Highways, Transportation and Waste Management", GET, 1112, 1633, 441, 447),
    ("Adult Social Services", ASCH, 629, 627, 136, 155),
    ("Specialist Children's Services", CYPE, 255, 287, 74, 73),
    ("Finance and Procurement", SCS, 223, 188, 54, 33),
    ("Education & Young People Services", CYPE, 130, 188, 45, 48),
    ("Libraries, Registrations and Archives", GET, 294, 206, 42, 53),
    ("Other Strategic and Corporate Services", SCS, 167, 255, 29, 72),
    ("Adult Education", GET, 98, 58, 19, 12),
    ("Environment, Planning and Enforcement", GET, 358, 66, 16, 25),
]
# Which procedure a service's complaints follow (the statutory routes for social care).
PROCEDURES = {"Adult Social Services": "adult_social_care", "Specialist Children's Services": "childrens_social_care"}

# Seed 003 lines 2850–2852: financial year → complaints, comments, compliments, Ombudsman complaints.
YEARS = {2014: (2944, 1561, 2358, 205), 2015: (3070, 1490, 2079, 185)}

# Our split of windows the seeds do not break down (README): complaints received October 2015 to March 2016 (so
# April–September 2015 is 3,070 − 1,600), and July–September 2016, the base of "3% higher than the
# corresponding quarter last year" (918 / 891).
OCT15_MAR16 = 1600
JUL_SEP16 = 891

# Complaints received and answered in time by month where the performance dashboard gives CS07 (results.csv:
# June 2016 to June 2017), and July–September 2017 (87% of 918: 799, spec). Month → (received, in time).
MONTHS = {
    (2016, 4): (255, 219),
    (2016, 5): (260, 221),
    (2016, 6): (260, 224),  # 86%
    (2016, 7): (300, 261),  # 87%
    (2016, 8): (295, 257),  # 87%
    (2016, 9): (296, 260),  # 88%
    (2016, 10): (290, 255),  # 88%
    (2016, 11): (290, 258),  # 89%
    (2016, 12): (250, 225),  # 90%
    (2017, 1): (300, 270),  # 90%
    (2017, 2): (300, 273),  # 91%
    (2017, 3): (304, 277),  # 91%
    (2017, 4): (280, 258),  # 92%
    (2017, 5): (290, 261),  # 90% (91% year to date)
    (2017, 6): (286, 260),  # 91% (91% year to date; 779 of 856 in the quarter)
    (2017, 7): (300, 262),
    (2017, 8): (310, 270),
    (2017, 9): (308, 267),  # 799 of 918 in the quarter: 87%
}
IN_TIME_ELSEWHERE = 0.85  # months the seeds give no rate for

# Channels in 2015/16 (003 lines 2856–2862), as counts that round to the printed percentages: phone, letter,
# email, comment card or face to face, online, other, not recorded. Compliments' printed row sums to 90%: the
# missing 10% is not recorded (spec, inconsistencies).
CHANNELS_2015 = {
    "complaint": (1074, 460, 1166, 92, 268, 10, 0),
    "comment": (149, 298, 800, 193, 25, 25, 0),
    "compliment": (249, 374, 1039, 42, 104, 62, 209),
}
# The channel each group's records are logged as.
GROUP_CHANNELS = {
    "complaint": ("phone", "letter", "email", "face_to_face", "online_form", "text_relay", "not_recorded"),
    "comment": ("phone", "letter", "email", "comment_card", "online_form", "fax", "not_recorded"),
    "compliment": ("phone", "letter", "email", "face_to_face", "online_form", "advocate", "not_recorded"),
}
# Other years: the 2015/16 complaint shares.

EQUALITIES_2015 = 18  # of the 3,070 complaints (003 line 2866); the types table (2870–2881) is a sample of them
EQUALITIES_TYPES = [
    ("Age/Disability", "Relating to vulnerable children travelling to school"),
    ("Age", "Falls as a result of broken pavements"),
    ("Gender", "Inappropriate behaviour"),
    ("Disability", "Dropped curbs"),
    ("Age/Disability", "Night lighting policy"),
    ("Disability", "Clearing of vegetation from a tree owned by Council"),
    ("Disability", "Removal of bollards that are needed by a disabled resident"),
    ("Disability/Age", "Lack of phone number for the Floating Support service"),
    ("Race", "Racial discrimination"),
    ("Race", "Allegation that staff refused to interact with a customer due to their ethnic background."),
    ("Disability", "Right of access for disabled customer"),
]
