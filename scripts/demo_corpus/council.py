"""Full County Council: 18 July 2024 (TXT minutes extract) and 20 February 2025 (budget, PDF)."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

BUS_MOTION_2024 = """
Agenda item

Motion for Time Limited Debate - Rural Bus Services

Minutes:

Cllr N Fitch proposed and Cllr A Hassan seconded the following motion:

"This Council notes that Sunday bus services on Route 47 (Sallowfield - Brindlebury - Ashcombe)
and Route 63 (Wenmouth - Holtmoor) were withdrawn in September 2023, leaving eleven villages
with no Sunday bus. This Council asks the Cabinet to restore both Sunday services from April
2025."

Cllr T Ashdown, Cabinet Member for Highways and Transport, proposed and Cllr D Penhale
seconded an amendment to replace the final sentence with a request that the restoration of
Sunday services on both routes be considered in the annual review of the Bus Service
Improvement Plan under the Integrated Transport Plan 2024-2034.

Members debated the amendment. Points made included:

* Around 2,600 residents of the eleven villages lived more than a mile from a Sunday bus, and
many could not get to work at the Ashcombe hospital or retail park on Sundays.

* Cllr Ashdown said that restoring both services would cost about £290,000 a year and should
be weighed against other bus priorities rather than decided by motion.

* Cllr Fitch said the amendment delayed a decision that villagers had waited ten months for,
and asked that the review report back to members within six months.

* Cllr Ashdown accepted a further change so that the review would report to the Environment
and Transport Cabinet Committee by January 2025.

Following a recorded vote, the amendment was carried (49 for, 22 against, 2 abstentions) and
became the substantive motion, which was then carried without a vote.

The Chairman summarised the debate as follows:

* The loss of Sunday services had hit villages without any other public transport hardest.

* The cost of restoration had to be found within the Bus Service Improvement Plan grant.

* Members wanted a clear answer by January 2025.

RESOLVED that this Council:

> (a) notes that Sunday bus services on Routes 47 and 63 were withdrawn in September 2023;

> (b) asks the Cabinet Member for Highways and Transport to consider the restoration of Sunday
services on Routes 47 and 63 in the annual review of the Bus Service Improvement Plan; and

> (c) asks for the outcome of that review to be reported to the Environment and Transport
Cabinet Committee by January 2025.

Supporting documents:

* Motion - Rural Bus Services, PDF 112 KB

* Recorded vote, PDF 64 KB
"""

BUDGET_2025 = """
# FERNLEIGH COUNTY COUNCIL

# COUNTY COUNCIL

MINUTES of a meeting of the County Council held in the Council Chamber, County Hall, Castle
Street, Ashcombe on Thursday, 20 February 2025.

PRESENT: Cllr A Byrne (Chairman), Cllr J Rowe (Vice-Chairman) and 72 other Members (the
attendance list is at Appendix 1)

IN ATTENDANCE: Ms R Thorne (Chief Executive), Mr O Pryce (Corporate Director Finance and
section 151 officer) and Ms C Whitcombe (General Counsel and Monitoring Officer)

## 41. Apologies for Absence

Apologies were received from Cllr H Dunmore, Cllr S Greaves and Cllr W Nash.

## 42. Declarations of Interest

Members who were also district or parish councillors noted that, under the dispensation
granted by the Standards Committee, they could take part in the budget debate. No other
interests were declared.

## 43. Minutes of the meeting held on 12 December 2024

RESOLVED that the minutes of the meeting held on 12 December 2024 are correctly recorded and
that they be signed by the Chairman.

## 44. Chairman's Announcements

The Chairman congratulated the Fernleigh Fire and Rescue cadets on winning the regional
first aid championship and reminded Members of the Holocaust Memorial Day service held on 27
January 2025 at Ashcombe Minster.

## 45. Questions

Eight questions had been received under Procedure Rule 1.17. The questions and answers are
published on the council's website. Two supplementary questions are recorded here.

Q1. Cllr M Ellery asked what proportion of new education, health and care plans were now
issued within the legal time limit. Cllr P Raman, Cabinet Member for Children, Young People
and Education, replied that 52 per cent of new EHC plans had been issued within 20 weeks in
December 2024, compared with 31 per cent in 2023, and that the Priority Action Plan target was
60 per cent by September 2025.

Q2. Cllr A Hassan asked when the Sunday bus service on Route 63 would return. Cllr T Ashdown
replied that the review reported to the Environment and Transport Cabinet Committee in January
2025 had not found enough demand to restore Route 63 on Sundays, but that a demand-responsive
pilot would cover the Wenmouth and Holtmoor area.

---page---

## 46. Revenue Budget 2025-26, Medium Term Financial Plan 2025-28, Capital Programme 2025-35
and Treasury Management Strategy

Cllr D Penhale, Cabinet Member for Finance, Corporate and Traded Services, moved and Cllr M
Okafor seconded the recommendations in the report.

Minutes:

* Cllr Penhale said the proposed net revenue budget for 2025-26 was £1,124.6 million, an
increase of £68.3 million on 2024-25, of which £41.0 million was for adult social care and
£19.6 million for children's services.

* The budget included savings and income of £47.3 million, and assumed the use of £12.0
million from reserves.

* The Corporate Director Finance, as section 151 officer, reported that in his opinion the
budget estimates were robust and reserves adequate, but that the high needs deficit in the
Dedicated Schools Grant, projected at £88.5 million by 31 March 2025, was the most serious
risk to the council's finances.

* Cllr N Fitch, Leader of the Liberal Democrat Group, moved an amendment, seconded by Cllr A
Hassan, to take £1.5 million from the highways verge maintenance budget to set up a SEND
Parent Support Fund. Following a recorded vote, the amendment was lost (19 for, 52 against, 3
abstentions).

* Cllr J Rowe asked for an assurance that the £4.5 million for the SEND Priority Action Plan
agreed by Cabinet in September 2024 was included. Cllr Penhale confirmed that it was.

A recorded vote was taken on the substantive motion: 51 for, 20 against, 3 abstentions.

RESOLVED that the County Council:

> (a) approves the net revenue budget for 2025-26 of £1,124.6 million;

> (b) approves a council tax requirement of £612.8 million;

> (c) approves an increase in council tax of 4.99 per cent, made up of 2.99 per cent for
general spending and 2 per cent for the adult social care precept, giving a Band D council tax
for the County Council of £1,712.43 for 2025-26;

> (d) approves the capital programme for 2025-35 of £1,380 million, including £134.6 million
in 2025-26;

> (e) approves the Treasury Management Strategy 2025-26 and the prudential indicators in
Appendix F of the report; and

> (f) notes the section 151 officer's statement on the robustness of the estimates and the
adequacy of reserves.

---page---

## 47. Motion - Automatic Enrolment for Free School Meals

Cllr K Osei proposed and Cllr J Rowe seconded a motion asking the Cabinet to introduce automatic
enrolment for free school meals, using housing benefit and council tax support data shared by
the district councils. Cllr Osei said that an estimated 2,900 eligible children in the county
were not registered, and that their schools were missing around £3.9 million a year of pupil
premium funding.

Cllr Raman welcomed the motion and said the council would need a data sharing agreement with
each of the five district councils.

RESOLVED (unanimously) that the County Council asks the Cabinet Member for Children, Young
People and Education to introduce automatic enrolment for free school meals from September
2025 and to report progress to the Children and Young People's Scrutiny Committee.

## 48. Report of the Leader

The Leader reported on the devolution discussions with neighbouring councils and on the
opening of the Brindlebury Community Diagnostic Centre. Members noted the report.

The meeting closed at 5.45 pm.
"""

DOCS = [
    Doc(
        "county-council/2024-07-18/Minutes - County Council 18 July 2024 - "
        "Motion for Time Limited Debate - Rural Bus Services.txt",
        "txt",
        "Motion for Time Limited Debate - Rural Bus Services",
        BUS_MOTION_2024,
    ),
    Doc(
        "county-council/2025-02-20/Printed minutes 20th-Feb-2025 10.00 County Council.pdf",
        "pdf",
        "Printed minutes 20th-Feb-2025 10.00 County Council",
        BUDGET_2025,
        created=fixed_time(2025, 3, 3),
    ),
]
