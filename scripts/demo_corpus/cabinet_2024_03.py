"""Cabinet, 14 March 2024: agenda frontsheet and printed minutes (Integrated Transport Plan)."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

FOLDER = "cabinet/2024-03-14"

FRONTSHEET = """
# AGENDA

# CABINET

Thursday, 14th March, 2024, at 10.00 am. Council Chamber, County Hall, Castle Street, Ashcombe.

Ask for: Joanna Pell. Telephone: 01632 960412. Email: democratic.services@fernleigh.example

## Membership

Cllr M Okafor (Leader of the Council, Chair), Cllr D Penhale, Cllr P Raman, Cllr T Ashdown,
Cllr H Marchetti, Cllr G Lowe and Cllr F Draycott

## UNRESTRICTED ITEMS

(During these items the meeting is likely to be open to the public)

| 1. | Apologies | |

| 2. | Declarations of Interest | |

| 3. | Minutes of the Meeting held on 15th February 2024 | (Pages 1 - 8) |

| 4. | Cabinet Member Updates | |

| 5. | 24/00012 - Revenue and Capital Budget Monitoring Report - January 2023-24 | (Pages 9 - 58) |

| 6. | 24/00014 - Commissioning of Short Breaks for Disabled Children 2024-2029 | (Pages 59 - 96) |

| 7. | 24/00016 - Integrated Transport Plan 2024-2034 | (Pages 97 - 210) |

## EXEMPT ITEMS

(At the time of preparing the agenda there were no exempt items. During any such items which
may arise the meeting is likely NOT to be open to the public)

Claire Whitcombe, General Counsel and Monitoring Officer. Telephone: 01632 960400.

Wednesday, 6 March 2024

---page---

## Guidance for members of the public

Cabinet meetings are webcast live and the recording is available for six months after the
meeting. Members of the public who wish to ask a question of a Cabinet Member must submit it
in writing to Democratic Services by 5.00 pm three clear working days before the meeting.

Papers for each item are available in the meeting pack, which can be downloaded from the
council's website. Copies in large print or another format can be provided on request.

Seating in the public gallery is limited to 40 places and is allocated on arrival. Please
let the Democratic Services Officer know in advance if you need step-free access, a hearing
loop or a British Sign Language interpreter.

If the fire alarm sounds, please leave by the nearest signed exit and gather at the assembly
point in the Castle Street car park. Do not use the lifts.
"""

MINUTES = """
# FERNLEIGH COUNTY COUNCIL

# CABINET

MINUTES of a meeting of the Cabinet held in the Council Chamber, County Hall, Castle Street,
Ashcombe on Thursday, 14 March 2024.

PRESENT: Cllr M Okafor (Chair), Cllr D Penhale, Cllr P Raman, Cllr T Ashdown, Cllr H Marchetti
and Cllr F Draycott

IN ATTENDANCE: Ms R Thorne (Chief Executive), Mr O Pryce (Corporate Director Finance),
Mr S Achebe (Corporate Director Children, Young People and Education), Mr I Buckley (Corporate
Director Growth, Environment and Transport), Ms C Whitcombe (General Counsel and Monitoring
Officer) and Ms J Pell (Democratic Services Officer)

## UNRESTRICTED ITEMS

## 81. Apologies

(Item 1)

Apologies were received from Cllr G Lowe.

## 82. Declarations of Interest

(Item 2)

Cllr Ashdown declared an other significant interest in item 7 as a member of the Holtmoor
Community Transport Association, which operates services that the Plan would affect. He
remained in the meeting but did not vote on that item.

## 83. Minutes of the Meeting held on 15th February 2024

(Item 3)

RESOLVED that the minutes of the meeting held on 15 February 2024 were a correct record and
that they be signed by the Chair.

## 84. Cabinet Member Updates

(Item 4)

1. Cllr Okafor, Leader of the Council, provided an update on the following:

> (a) The new Ashcombe Bus Station had opened to passengers on 4 March 2024, two weeks ahead
of programme. The £9.8 million scheme had been funded jointly by the council and the Levelling
Up Fund, and early figures showed around 11,000 passenger journeys a day starting or ending
there.

> (b) The council had been shortlisted for a national award for its apprenticeship programme,
which had placed 214 apprentices across council services in 2023.

2. Cllr Marchetti, Cabinet Member for Adult Social Care and Public Health, reported that the
Warm Spaces scheme had welcomed more than 6,500 visits across 48 community venues over the
winter, and thanked the voluntary sector partners who had run them.

## 85. 24/00012 - Revenue and Capital Budget Monitoring Report - January 2023-24

(Item 5)

Mr Pryce introduced the report, which set out the forecast position at the end of January 2024.

Minutes:

* The forecast revenue overspend for 2023-24 was £14.7 million, an improvement of £2.1 million
on the position reported in December.

* The largest pressures were in children's social care placements, forecast to overspend by
£9.3 million, and home to school transport, forecast to overspend by £4.1 million.

* Cllr Penhale explained that the overspend would be met from the general reserve if it could
not be reduced before the year end, which would leave the reserve at around 4.5 per cent of
the net revenue budget.

* In response to a question from Cllr Raman, Mr Achebe said the number of children in
residential placements costing more than £10,000 a week had risen from 19 to 27 during the
year.

RESOLVED that Cabinet:

> (a) notes the forecast revenue overspend of £14.7 million for 2023-24;

> (b) agrees the reprofiling of £22.4 million of capital spending from 2023-24 into 2024-25, as
set out in Appendix 2 of the report; and

> (c) asks all Corporate Directors to continue the spending controls introduced in October
2023 until the end of the financial year.

## 86. 24/00014 - Commissioning of Short Breaks for Disabled Children 2024-2029

(Item 6)

Cllr Raman introduced the report. The current short breaks contracts would end on 31 August
2024. The proposed framework would run for five years from 1 September 2024 with an estimated
total value of £11.8 million.

Minutes:

* Around 1,150 disabled children and their families used a short break each year, and demand
for overnight breaks had risen by 18 per cent since 2021.

* The Fernleigh Parent Carer Forum had helped to design the new service specification, and
families would be able to book activities online for the first time.

RESOLVED that Cabinet agrees to commission a framework for short breaks for disabled children
for five years from 1 September 2024, with an estimated total value of £11.8 million, and
delegates the award of contracts to the Corporate Director Children, Young People and
Education.

## 87. 24/00016 - Integrated Transport Plan 2024-2034

(Item 7)

Cllr Ashdown, having declared an interest, did not vote on this item. Mr Buckley introduced
the Integrated Transport Plan 2024-2034, which would replace the Local Transport Plan adopted
in 2011. Public consultation had run from 2 October to 26 November 2023 and had received 2,317
responses.

Minutes:

* The Plan set out a ten-year programme costed at £312 million, of which £48.6 million was
proposed for the first phase of delivery between 2024 and 2027.

* Its headline targets were a 20 per cent increase in bus patronage by 2030 against the 2023
baseline, 15 new mobility hubs at stations and market towns, and a 10 per cent reduction in
car trips under five miles in Ashcombe and Brindlebury.

* The Brindlebury to Ashcombe rapid bus corridor, costing £27.5 million, was the largest
scheme in the first phase.

* The Holtmoor Relief Road would be taken forward to an outline business case for the
Department for Transport. Members noted that HGV traffic through Holtmoor village centre had
increased by 14 per cent since 2019.

* Cllr Draycott asked how rural residents without a bus service would benefit. Mr Buckley said
a demand-responsive bus pilot would be tested in at least one rural area before 2026, and that
the Bus Service Improvement Plan would be reviewed each year.

* Members asked where the mobility hubs would be located. Mr Buckley said a list of proposed
sites was being finalised with the district councils.

ACTION: Mr Buckley to circulate the list of proposed mobility hub sites to all Members by 30
April 2024.

RESOLVED that Cabinet:

> (a) adopts the Integrated Transport Plan 2024-2034 as set out in Appendix A of the report;

> (b) approves the first phase delivery programme for 2024 to 2027 at a cost of £48.6 million,
to be funded from the capital programme and external grants;

> (c) delegates authority to the Corporate Director Growth, Environment and Transport, in
consultation with the Cabinet Member for Highways and Transport, to prepare and submit the
outline business case for the Holtmoor Relief Road to the Department for Transport by 30
September 2024; and

> (d) asks for an annual progress report on the Plan to be presented to the Environment and
Transport Cabinet Committee, the first in January 2025.

Chair's summary: The Chair thanked officers and the more than two thousand residents who had
responded to the consultation. She said the Plan was the first time the council had set out
road, rail, bus, walking and cycling investment in a single programme, and that the Holtmoor
Relief Road business case would return to Cabinet before it was submitted.

## 88. Date of Next Meeting

(Item 8)

The next meeting of the Cabinet would be held on Thursday, 18 April 2024 at 10.00 am in the
Council Chamber, County Hall. The Chair reminded Members that the pre-election period for the
Police and Crime Commissioner election would begin on 25 March 2024.

The meeting closed at 12.10 pm.
"""

DOCS = [
    Doc(
        f"{FOLDER}/Agenda frontsheet 14th-Mar-2024 10.00 Cabinet.pdf",
        "pdf",
        "Agenda frontsheet 14th-Mar-2024 10.00 Cabinet",
        FRONTSHEET,
        created=fixed_time(2024, 3, 6),
    ),
    Doc(
        f"{FOLDER}/Printed minutes 14th-Mar-2024 10.00 Cabinet.pdf",
        "pdf",
        "Printed minutes 14th-Mar-2024 10.00 Cabinet",
        MINUTES,
        created=fixed_time(2024, 3, 22),
    ),
]
