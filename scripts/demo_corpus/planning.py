"""Planning Committee (8 May 2024, 11 June 2025) and Corporate Parenting Panel (4 March 2025).

All three are DOCX minutes, as a clerk would type them in Word.
"""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

PLANNING_2024 = """
# FERNLEIGH COUNTY COUNCIL - PLANNING COMMITTEE

# Minutes of the meeting held on Wednesday 8 May 2024 at 10.00 am in the Council Chamber,
County Hall, Ashcombe

**Present: **Cllr R Jessop (Chair), Cllr L Farrow (Vice-Chair), Cllr A Hassan, Cllr B Kemp,
Cllr M Ellery, Cllr S Greaves, Cllr K Osei, Cllr P Quint, Cllr D Varley, Cllr W Nash,
Cllr J Rowe and Cllr E Tanner

**Officers: **Mr N Chaudhry (Head of Planning Applications), Ms G Lyle (Principal Planning
Officer), Mr A Ferris (Highways Development Manager), Ms E Caird (Planning Lawyer) and
Mr T Ruddock (Democratic Services Officer)

## 1. Apologies and substitutes

Apologies were received from Cllr H Dunmore; Cllr E Tanner attended as substitute.

## 2. Declarations of interest

Cllr Quint declared that he had spoken publicly about application FE/24/0098 as the local
member for Sallowfield. He left the room for that item and took no part in the debate or vote.

## 3. Minutes of the meeting held on 10 April 2024

The minutes of the previous meeting were agreed as a true record and signed by the Chair.

## 4. FE/23/0417 - Land north of Wenmouth Road, Holtmoor

Outline application for up to 240 dwellings, a community hall, public open space and a new
access from Wenmouth Road. The application came to the County Council because it is a
departure from the Holtmoor Neighbourhood Plan and the district council had asked for it to
be called in.

Ms Lyle presented the report. The scheme would provide 30 per cent affordable housing, which
is 72 homes, of which 45 would be for social rent. The section 106 agreement would secure
£1.35 million towards primary school places at Holtmoor Primary School, £410,000 towards an
improved bus service between Holtmoor and Ashcombe for five years, and a contribution to the
Holtmoor Relief Road.

Holtmoor Parish Council objected on the grounds of traffic, flooding and the loss of
farmland. 96 letters of objection and 7 letters of support had been received. Two residents
and the agent for the applicant addressed the committee.

Members discussed surface water drainage, the capacity of the Wenmouth Road junction and
whether the new homes should be occupied before the relief road was built. Mr Ferris said that
a condition would limit occupation to 120 dwellings until the Wenmouth Road junction
improvements were complete.

**Resolved: **that outline planning permission be granted, subject to the conditions set out
in the report, an additional condition limiting occupation to 120 dwellings until the
Wenmouth Road junction improvements are complete, and the completion of a section 106
agreement within six months. (For 9, against 3.)

## 5. FE/24/0052 - Kestrel Vale School, Moor Lane, Kestrel Vale

County Council development (Regulation 3) for a two-storey extension to provide 60
additional places for pupils with special educational needs and disabilities, a hydrotherapy
pool and 24 parking spaces.

The committee heard that the extension would take the school from 140 to 200 places and was
due to open in September 2025. Members welcomed the proposal, noting that many children with
complex needs currently travelled more than an hour each way to schools outside the county.

**Resolved: **that planning permission be granted, subject to the conditions set out in the
report. (Unanimous.)

## 6. FE/24/0098 - Sallowfield Quarry, Quarry Lane, Sallowfield

Application by Marlbrook Aggregates Ltd for a western extension of Sallowfield Quarry to
extract 2.4 million tonnes of sand and gravel over 12 years, with restoration to farmland and
wetland.

Officers recommended approval. Sallowfield Parish Council and 212 residents objected. Members
were concerned that the scheme would bring up to 110 HGV movements a day through the village
centre and that the western edge of the extension lay within 15 metres of Hollin Wood, an
ancient woodland.

**Resolved: **that planning permission be refused, contrary to the officer recommendation,
for the following reasons: (1) the HGV traffic through Sallowfield village centre would cause
unacceptable harm to highway safety and to the living conditions of residents; and (2) the
extension would cause harm to the ancient woodland at Hollin Wood without wholly exceptional
reasons. (For refusal 7, against 4.)

## 7. Summary of decisions

| Application | Site | Decision |

| FE/23/0417 | Land north of Wenmouth Road, Holtmoor | Outline permission granted |

| FE/24/0052 | Kestrel Vale School, Kestrel Vale | Permission granted |

| FE/24/0098 | Sallowfield Quarry, Sallowfield | Refused |

The meeting closed at 1.25 pm. Date of next meeting: Wednesday 12 June 2024.
"""

PLANNING_2025 = """
# FERNLEIGH COUNTY COUNCIL - PLANNING COMMITTEE

# Minutes of the meeting held on Wednesday 11 June 2025 at 10.00 am in the Council Chamber,
County Hall, Ashcombe

**Present: **Cllr R Jessop (Chair), Cllr L Farrow (Vice-Chair), Cllr A Hassan, Cllr M Ellery,
Cllr S Greaves, Cllr K Osei, Cllr P Quint, Cllr D Varley, Cllr W Nash, Cllr E Tanner,
Cllr H Dunmore, Cllr C Mbeki and Cllr R Sato

**Officers: **Mr N Chaudhry (Head of Planning Applications), Ms G Lyle (Principal Planning
Officer), Mr A Ferris (Highways Development Manager) and Mr T Ruddock (Democratic Services
Officer)

## 1. Apologies and substitutes

There were no apologies.

## 2. Declarations of interest

Cllr Tanner declared that her home was within 400 metres of the proposed route of the
Holtmoor Relief Road. She left the room for item 4 and took no part in the debate or vote.

## 3. Minutes of the meeting held on 14 May 2025

The minutes of the previous meeting were agreed as a true record and signed by the Chair.

## 4. FE/24/0311 - Holtmoor Relief Road

County Council development (Regulation 3) for a 5.2 km single carriageway relief road
linking the A3190 at Wenmouth Road with the B4427 north of Holtmoor, with two roundabouts,
a bridge over the River Holt, a shared cycle and footpath along its whole length and
landscaping.

Ms Lyle presented the report. The Department for Transport had approved the outline
business case in December 2024. 212 objections and 389 letters of support had been received.
The Environment Agency had withdrawn its holding objection after the bridge design was
changed to keep the flood plain clear. Natural England had no objection subject to a
biodiversity net gain of at least 10 per cent, which the scheme would exceed.

Members discussed noise at Holt Farm Cottages, the loss of 3.1 hectares of grade 3 farmland,
construction traffic and the timetable. Mr Ferris said construction was expected to start in
spring 2026 and take about two years, and that HGVs would be routed away from Holtmoor
village centre throughout.

**Resolved: **that planning permission be granted, subject to 34 conditions set out in the
report and the update sheet, including a construction traffic management plan, noise
barriers at Holt Farm Cottages and a 30-year landscape and ecology management plan.
(For 10, against 2, abstention 1.)

## 5. FE/25/0077 - Sallowfield Quarry (revised western extension)

Revised application by Marlbrook Aggregates Ltd following the refusal of FE/24/0098 in May
2024. The extraction area had been reduced to 1.8 million tonnes, a 50 metre buffer would be
kept from Hollin Wood, and all HGVs would use a new haul road to the A3190 instead of
travelling through Sallowfield village.

Members asked to see the new haul road and the woodland buffer before making a decision.

**Resolved: **that the application be deferred so that members can visit the site; the
application to return to the committee on 9 July 2025. (Unanimous.)

## 6. Appeals update

The committee noted that the appeal against the refusal of FE/24/0098 had been withdrawn by
the applicant in March 2025 after the revised application was submitted.

The meeting closed at 12.40 pm. Date of next meeting: Wednesday 9 July 2025.
"""

PARENTING_2025 = """
# FERNLEIGH COUNTY COUNCIL

# CORPORATE PARENTING PANEL

Minutes of the meeting held on Tuesday 4 March 2025 at 2.00 pm in Committee Room 2, County
Hall, Ashcombe

Present: Cllr N Fitch (Chair), Cllr P Raman, Cllr J Rowe, Cllr B Kemp, Cllr K Osei;
co-opted members Jade Whitlock and Ryan Moss (Fernleigh Care Leavers Council)

In attendance: Mr S Achebe (Corporate Director Children, Young People and Education),
Ms M Delaney (Assistant Director, Corporate Parenting), Ms F Adeyemi (Designated Nurse for
Looked After Children, NHS Fernleigh and Wenvale ICB), Mr T Ruddock (Democratic Services)

**Item 1: Apologies. **Apologies were received from Cllr D Varley.

**Item 2: Minutes of the last meeting. **The minutes of the meeting held on 3 December 2024
were agreed as a true record.

**Item 3: Ofsted focused visit - care leavers. **Ms Delaney presented the findings of the
Ofsted focused visit of 5 and 6 November 2024, the letter for which was published on 12
December 2024. Inspectors had found that most care leavers had good relationships with their
personal advisers but that pathway plans were too variable, too few care leavers were in
education, employment or training, and care leavers did not routinely receive a summary of
their health history.

Ms Delaney reported that the proportion of care leavers aged 19 to 21 in education,
employment or training had improved to 58 per cent at the end of January 2025, from 54 per
cent at the time of the visit. Four additional personal advisers had been recruited,
bringing the average caseload down to 21.

Jade Whitlock, speaking for the Care Leavers Council, said young people valued their
personal advisers but that many did not know what the local offer included. She asked that
the offer be published as a short guide written with care leavers.

Ms Adeyemi explained that a written health summary would be given to every care leaver at 18
from 1 April 2025, and that the 37 care leavers aged 18 to 21 who had not received one would
be offered an appointment by the end of June 2025.

Action: Ms Adeyemi to report to the next meeting how many of the 37 care leavers have been
offered and received their health summary.

Action: Ms Delaney to publish a short guide to the local offer, written with the Care Leavers
Council, by 31 May 2025.

Resolved: the Panel (a) noted the findings of the focused visit and the improvement plan,
(b) agreed to write to the five district councils asking them to exempt care leavers living
in Fernleigh from council tax up to the age of 25, and (c) asked for an update on pathway
plan quality at every meeting until the next inspection.

**Item 4: Sufficiency of homes for children in care. **Ms Delaney reported that 71 per cent
of children in care lived in foster families, and that the council's two new children's
homes in Brindlebury would open in July 2025 with eight places between them. The Panel noted
the report.

**Item 5: Date of next meeting. **Tuesday 3 June 2025 at 2.00 pm.

The meeting closed at 3.50 pm.
"""

DOCS = [
    Doc(
        "planning-committee/2024-05-08/Minutes - Planning Committee - 8 May 2024.docx",
        "docx",
        "Minutes - Planning Committee - 8 May 2024",
        PLANNING_2024,
        created=fixed_time(2024, 5, 15),
        extra={"docx_style": "headings"},
    ),
    Doc(
        "planning-committee/2025-06-11/Minutes - Planning Committee - 11 June 2025.docx",
        "docx",
        "Minutes - Planning Committee - 11 June 2025",
        PLANNING_2025,
        created=fixed_time(2025, 6, 18),
        extra={"docx_style": "headings"},
    ),
    Doc(
        "corporate-parenting-panel/2025-03-04/Corporate Parenting Panel minutes 4 March 2025.docx",
        "docx",
        "Corporate Parenting Panel minutes 4 March 2025",
        PARENTING_2025,
        created=fixed_time(2025, 3, 11),
    ),
]
