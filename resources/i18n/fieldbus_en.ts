<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name></name>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="60"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="98"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="30"/>
        <source>질의</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="60"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="98"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="30"/>
        <source>건의</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="60"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="98"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="30"/>
        <source>고충</source>
        <translation>Grievance</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="61"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="99"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="31"/>
        <source>부패·공익신고</source>
        <translation>Corruption / public-interest report</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="61"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="99"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="31"/>
        <source>소극행정신고</source>
        <translation>Passive-administration report</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="62"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="100"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="32"/>
        <source>기타</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="66"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="658"/>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="66"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="37"/>
        <source>현장 해결</source>
        <translation>Resolved on site</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="66"/>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="42"/>
        <source>이송</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="67"/>
        <location filename="../../fieldbus/ui/cases/model.py" line="78"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="57"/>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="133"/>
        <source>기관 전달</source>
        <translation>Forwarded to agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="67"/>
        <source>종결</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="71"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="140"/>
        <source>동기화 대기</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="71"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="139"/>
        <source>동기화됨</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="72"/>
        <source>확인 필요</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="76"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="55"/>
        <source>검토 전</source>
        <extracomment>C0/C1 controls but newline and tab, DEL, the line/paragraph separators, the bidi controls.</extracomment>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="76"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="55"/>
        <source>검토 중</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="76"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="55"/>
        <source>보완 요청</source>
        <translation>Returned for changes</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="77"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="56"/>
        <source>보완 제출</source>
        <translation>Resubmitted</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="77"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="56"/>
        <source>승인</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="77"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="56"/>
        <source>반려</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="78"/>
        <location filename="../../fieldbus/ui/review/case_words.py" line="57"/>
        <source>처리 완료</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="159"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="619"/>
        <source>익명</source>
        <extracomment>The row&apos;s kind code: a complaint&apos;s, or ``case_list.COUNSEL`` for a counsel session. Pages kept (least recently used dropped first): 4,000 rows, whatever was scrolled past. Pages asked for in one operation: the viewport spans at most two, plus one to spare. What a row shows until its page has arrived.</extracomment>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="160"/>
        <source>{0} (지남)</source>
        <translation>{0} (overdue)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="160"/>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="233"/>
        <source>상담</source>
        <translation>Counsel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="165"/>
        <source>선정 신청</source>
        <translation>Applied for counsel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="166"/>
        <source>법률구조공단 안내</source>
        <translation>Referred to legal aid</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="132"/>
        <source>검색: 접수번호, 제목, 내용, 기관, 이름, 전화번호 (일부도)</source>
        <translation>Search: receipt no., title, text, agency, name, phone (parts too)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="133"/>
        <source>사건 검색</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="136"/>
        <source>종류 필터</source>
        <translation>Kind filter</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="136"/>
        <source>모든 종류</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="137"/>
        <source>상태 필터</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="137"/>
        <source>모든 상태</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="138"/>
        <source>동기화 필터</source>
        <translation>Sync filter</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="138"/>
        <source>모든 동기화 상태</source>
        <translation>Any sync state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="141"/>
        <source>검토 상태 필터</source>
        <translation>Review filter</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="141"/>
        <source>모든 검토 상태</source>
        <translation>Any review state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="144"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="85"/>
        <source>기한 지남</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="145"/>
        <source>처리기한이 지난 사건만</source>
        <translation>Only cases past their deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="147"/>
        <source>이번 방문</source>
        <translation>This visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="148"/>
        <source>지금 열린 방문의 사건만</source>
        <translation>Only cases of the open visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="153"/>
        <source>찾은 사건 수</source>
        <translation>Cases found</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="157"/>
        <source>사건 목록 표</source>
        <translation>Case list table</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="179"/>
        <source>사건 상세</source>
        <translation>Case details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="181"/>
        <source>사건을 고르면 여기에 나옵니다 (열람은 기록됨).</source>
        <translation>Pick a case to see it here (views are logged).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="184"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="185"/>
        <source>접수증 재발행</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="195"/>
        <source>고치기 (F2)</source>
        <translation>Correct (F2)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="196"/>
        <source>사건 고치기</source>
        <translation>Correct the case</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="208"/>
        <source>사건 목록 알림</source>
        <translation>Case list notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="214"/>
        <source>목록과 상세</source>
        <translation>List and details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="286"/>
        <source>찾는 중…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="292"/>
        <source>{0}건</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="293"/>
        <source>찾은 사건이 없습니다.</source>
        <translation>No cases found.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="318"/>
        <source>검색어가 너무 깁니다 (200자까지).</source>
        <translation>The search is too long (200 characters at most).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="320"/>
        <source>검색어에 쓸 수 없는 문자가 있습니다.</source>
        <translation>The search contains characters that cannot be used.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="322"/>
        <source>사건 목록을 읽지 못했습니다. 다시 시도하십시오.</source>
        <translation>Could not read the case list. Please try again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="335"/>
        <source>지금 열린 방문이 없습니다.</source>
        <translation>No visit is open now.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="427"/>
        <source>사건을 열지 못했습니다.</source>
        <translation>Could not open the case.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="478"/>
        <source>보존기간이 지나 파기된 사건은 고칠 수 없습니다.</source>
        <translation>A case destroyed after its retention period cannot be corrected.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="491"/>
        <source>{0}: 고쳤습니다 (버전 {1}). 동기화를 기다립니다.</source>
        <translation>{0}: corrected (version {1}). Waiting to sync.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="492"/>
        <source>{0}: 보완하여 다시 제출했습니다. 동기화를 기다립니다.</source>
        <translation>{0}: corrected and resubmitted. Waiting to sync.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="512"/>
        <source>접수증을 만드는 중…</source>
        <translation>Making the receipt…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="520"/>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="163"/>
        <source>재발행</source>
        <translation>reissued</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="520"/>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="163"/>
        <source>발행</source>
        <translation>issued</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="522"/>
        <source>접수증을 {0}했습니다: {1}</source>
        <translation>Receipt {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="560"/>
        <source>개인정보 동의</source>
        <translation>Consent to personal data</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="561"/>
        <source>검토 상태</source>
        <translation>review state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="561"/>
        <source>검토 의견</source>
        <translation>review note</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="562"/>
        <source>기한·담당</source>
        <translation>deadline and handler</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="569"/>
        <source>까닭: {0}</source>
        <translation>reason: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="581"/>
        <source>마지막 검토</source>
        <translation>Last review</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="583"/>
        <source>처리 기관</source>
        <translation>Handling agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="586"/>
        <source>처리담당자</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="606"/>
        <source>{0} (접수증의 기한 {1}에서 센터가 변경)</source>
        <translation>{0} (changed by the centre from the receipt&apos;s {1})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="621"/>
        <source>신고자 신원 보호: 열람 사유를 적고 &apos;개인정보 보기&apos;로 볼 수 있습니다 (기록됨)</source>
        <translation>Reporter&apos;s identity protected: give a reason and use &apos;Show personal details&apos; to see it (recorded)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="659"/>
        <source>관리자: 처리기한 연장</source>
        <translation>Supervisor: deadline extended</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="660"/>
        <source>관리자: 처리담당자 지정</source>
        <translation>Supervisor: handler named</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="602"/>
        <source>없음 (익명: 법정 처리기간 없음)</source>
        <translation>None (anonymous: no statutory period)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="617"/>
        <source>신고자 신원 보호: 관리자만 볼 수 있습니다</source>
        <translation>Reporter identity protected: supervisors only</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="619"/>
        <source>보존기간이 지나 파기됨</source>
        <translation>Destroyed after the retention period</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="108"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="626"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="161"/>
        <source>접수번호</source>
        <extracomment>(attribute of CaseRow, header); the order of the table&apos;s columns.</extracomment>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="109"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="627"/>
        <source>접수일시</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="110"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="628"/>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="113"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="629"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="318"/>
        <location filename="../../fieldbus/ui/sync/panel.py" line="174"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="114"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="630"/>
        <source>검토</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="115"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="631"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="139"/>
        <source>동기화</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="116"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="632"/>
        <source>처리기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="661"/>
        <source>관리자 검토: {0}</source>
        <translation>Supervisor review: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="156"/>
        <location filename="../../fieldbus/ui/cases/model.py" line="112"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="559"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="633"/>
        <source>민원인</source>
        <translation>Petitioner</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="634"/>
        <source>관계기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="635"/>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="76"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="636"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="276"/>
        <source>접수 경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="636"/>
        <source>예약</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="636"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="33"/>
        <source>현장 방문</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="637"/>
        <source>현장 처리</source>
        <translation>On-site outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="639"/>
        <source>통지 방법</source>
        <translation>Notify by</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="76"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="640"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="277"/>
        <source>공개 여부</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="640"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="34"/>
        <source>공개</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="160"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="640"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="34"/>
        <source>비공개</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="641"/>
        <source>방문</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="642"/>
        <source>국민신문고 신청번호</source>
        <translation>e-People application no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="658"/>
        <source>수정</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="73"/>
        <source>상담 내용은 국선대리인과 관리자만 볼 수 있습니다</source>
        <translation>Only counsel and supervisors can see the advice notes</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="30"/>
        <source>기초생활수급자</source>
        <translation>Basic livelihood recipient</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="30"/>
        <source>한부모가족</source>
        <translation>Single-parent family</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="31"/>
        <source>기초연금 수급자</source>
        <translation>Basic pension recipient</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="32"/>
        <source>장애인연금 수급자</source>
        <translation>Disability pension recipient</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="33"/>
        <source>북한이탈주민</source>
        <translation>North Korean defector</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="34"/>
        <source>그 밖에 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 없다고 인정하는 사람</source>
        <translation>Other: the committee chair finds the appellant cannot afford counsel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="36"/>
        <source>해당 없음</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="37"/>
        <source>동의함 — 위원회가 행정정보 공동이용으로 확인</source>
        <translation>Consents — the committee checks shared records</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="38"/>
        <source>동의하지 않음 — 소명 서류 제출</source>
        <translation>Does not consent — brings documents</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="39"/>
        <source>취소심판</source>
        <translation>Annulment appeal</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="40"/>
        <source>의무이행심판 (거부처분)</source>
        <translation>Performance appeal (refusal)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="41"/>
        <source>무효등확인심판 (청구기간 없음)</source>
        <translation>Nullity appeal (no filing period)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="42"/>
        <source>의무이행심판 (부작위, 청구기간 없음)</source>
        <translation>Performance appeal (inaction, no filing period)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="43"/>
        <source>알렸음</source>
        <translation>Announced</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="44"/>
        <source>법정기간보다 긴 기간으로 잘못 알렸음</source>
        <translation>Wrongly announced a longer period</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="45"/>
        <source>알리지 않았음 (처분일부터 180일)</source>
        <translation>Not announced (180 days from the disposition)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="46"/>
        <source>행정정보 공동이용</source>
        <translation>Shared administrative data</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="47"/>
        <source>증명서 확인</source>
        <translation>Certificate checked</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="47"/>
        <source>본인 진술</source>
        <translation>Applicant&apos;s statement</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="48"/>
        <source>미확인</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="49"/>
        <source>변호사</source>
        <translation>Attorney</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="49"/>
        <source>공인노무사</source>
        <translation>Certified labor attorney</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="50"/>
        <source>국선대리인 선정 신청</source>
        <translation>Applied for state-appointed counsel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="165"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="50"/>
        <source>상담만</source>
        <translation>Advice only</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="51"/>
        <source>대한법률구조공단 안내</source>
        <translation>Referred to Legal Aid Corporation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/model.py" line="166"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="52"/>
        <source>기타 안내</source>
        <translation>Other referral</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="59"/>
        <source>청구기간 제한 없음</source>
        <translation>no filing period</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/parts.py" line="47"/>
        <source>소명 서류: 해당 사실을 소명하는 서류를 신청서와 함께 제출해야 합니다 (시행령 제16조의2제2항 후단).</source>
        <translation>Proof: documents proving the category go with the application (Decree Art. 16-2(2)).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/parts.py" line="49"/>
        <source>소명 서류: 위원회가 행정정보 공동이용으로 확인합니다 (제3항). 청구인이 확인에 동의하지 않으면 서류를 제출해야 합니다.</source>
        <translation>Proof: the committee checks shared administrative records (para. 3); without the appellant&apos;s consent, documents are needed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/parts.py" line="51"/>
        <source>소명 서류: 행정정보 공동이용 확인에 동의하지 않았으므로 서류를 제출해야 합니다 (제3항 단서).</source>
        <translation>Proof: no consent to the shared-records check, so documents are needed (para. 3, proviso).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/parts.py" line="56"/>
        <source>제6호는 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 없다고 인정하는지 판단합니다.</source>
        <translation>Category 6: the committee chair decides whether the appellant cannot afford counsel.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/parts.py" line="59"/>
        <source>신청: 심리기일 전까지 선임 신청서를 위원회에 제출 (시행령 제16조의2제2항)</source>
        <translation>Apply: file the application with the committee before the hearing date (Decree Art. 16-2(2))</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="84"/>
        <source>여유</source>
        <extracomment>The form&apos;s choice boxes (a code each, or &quot;&quot; while unset).</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="84"/>
        <source>임박</source>
        <translation>Near</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="93"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="53"/>
        <source>하나를 고르십시오.</source>
        <translation>Please choose one.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="54"/>
        <source>전화번호가 올바르지 않습니다 (예: 010-2345-6789, 054-480-1234).</source>
        <extracomment>The status line&apos;s property holding the count it shows.</extracomment>
        <translation>Invalid phone number (e.g. 010-2345-6789, 054-480-1234).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="56"/>
        <source>출생연도는 1900년부터 올해까지의 네 자리 숫자입니다.</source>
        <translation>Birth year: four digits, from 1900 to this year.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="99"/>
        <source>처분이 있음을 안 날은 처분일보다 앞설 수 없습니다.</source>
        <translation>The date learnt of the decision cannot be before the decision date.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="101"/>
        <source>오늘 이후의 날짜는 고를 수 없습니다.</source>
        <translation>Dates after today cannot be chosen.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="34"/>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="58"/>
        <source>꼭 입력해야 합니다.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="35"/>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="62"/>
        <source>너무 깁니다.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="170"/>
        <source>상담을 저장했습니다. 상담번호:</source>
        <extracomment>Fields the keyboard focus has been in and left (their problems show).</extracomment>
        <translation>Session saved. Session no.:</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="225"/>
        <source>상담 안내</source>
        <translation>Session notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="226"/>
        <source>국선대리인 상담 양식</source>
        <translation>Counsel session form</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="251"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="253"/>
        <source>모르면 비워 두십시오</source>
        <translation>Leave empty if unknown</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="254"/>
        <source>예: 120</source>
        <translation>e.g. 120</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="259"/>
        <source>불가항력</source>
        <translation>Force majeure</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="266"/>
        <source>국외에서 청구</source>
        <translation>Filing from abroad</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="284"/>
        <source>행정정보 공동이용 확인 동의</source>
        <translation>Consent to the shared-records check</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="285"/>
        <source>청구인에게 물어 고르십시오</source>
        <translation>Ask the appellant, then choose</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="286"/>
        <source>상담 때 확인한 방법</source>
        <translation>How it was checked at the session</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="290"/>
        <source>국선대리인 신청 안내</source>
        <translation>Free counsel application guidance</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="485"/>
        <source>행정심판 청구 기한: {0} ({1}){2}
{3}</source>
        <translation>Appeal deadline: {0} ({1}){2}
{3}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="587"/>
        <source>저장하지 않은 상담 내용이 있어 되살렸습니다 ({0}에 자동 저장). 확인한 뒤 저장하십시오.</source>
        <translation>An unsaved session was restored (autosaved at {0}). Check it, then save.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="60"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="170"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="318"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="108"/>
        <source>상담번호</source>
        <translation>Session no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="95"/>
        <source>행정청이 알린 기간을 90일보다 긴 일 수로 적으십시오.</source>
        <translation>Enter the announced period in days, longer than 90.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="97"/>
        <source>불가항력 사유가 끝난 날은 처분일보다 앞설 수 없습니다.</source>
        <translation>The force majeure cannot end before the disposition.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="140"/>
        <source>제한 없음</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="171"/>
        <source>Enter: 상담 확인증 인쇄   ·   Esc: 인쇄하지 않고 다음 상담</source>
        <translation>Enter: print confirmation   ·   Esc: next session without printing</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="172"/>
        <source>확인증 인쇄 (Enter)</source>
        <translation>Print confirmation (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="172"/>
        <source>상담 확인증 인쇄</source>
        <translation>Print confirmation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="173"/>
        <source>다음 상담 (Esc)</source>
        <translation>Next session (Esc)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="173"/>
        <source>다음 상담</source>
        <translation>Next session</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="174"/>
        <source>상담 확인증 {0}을(를) PDF로 저장했습니다 (프린터 설정 없음): {1}</source>
        <translation>Confirmation {0} saved as PDF (no printer set): {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="175"/>
        <source>상담 확인증 {0}을(를) 인쇄했습니다.</source>
        <translation>Confirmation {0} printed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="176"/>
        <source>상담번호 {0}: 확인증을 인쇄하지 않았습니다.</source>
        <translation>Session {0}: confirmation not printed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="177"/>
        <source>{0} 상담은 저장되어 있습니다. Enter로 다시 시도하거나 Esc로 넘어가십시오.</source>
        <translation>Session {0} is saved. Press Enter to try again or Esc to go on.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="255"/>
        <source>행정청이 처분이 있음을 안 날부터 센다고 알린 일 수 (제27조제5항)</source>
        <translation>Days from learning of the disposition, as the agency announced (Art. 27(5))</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="256"/>
        <source>알린 청구기간 (일)</source>
        <translation>Announced period (days)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="259"/>
        <source>불가항력으로 기간 안에 청구하지 못함</source>
        <translation>Force majeure kept the appellant from filing in time</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="260"/>
        <source>천재지변·전쟁·사변 그 밖의 불가항력 (행정심판법 제27조제2항)</source>
        <translation>Natural disaster, war, unrest or other force majeure (Administrative Appeals Act Art. 27(2))</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="265"/>
        <source>국외에서 청구 (30일)</source>
        <translation>Filing from abroad (30 days)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_parts.py" line="71"/>
        <source>{0} 오류</source>
        <translation>{0} error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="228"/>
        <source>1. 청구인</source>
        <translation>1. Appellant</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="72"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="230"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="217"/>
        <source>성명</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="72"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="231"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="219"/>
        <source>전화번호</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="73"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="233"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="223"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="74"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="234"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="227"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="112"/>
        <source>출생연도</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="87"/>
        <source>민원 종류를 부패·공익신고로 바꾸거나 부패·공익신고에서 다른 종류로 바꾸는 일은 관리자만 할 수 있습니다. 종류를 되돌리십시오.</source>
        <translation>Only a supervisor can make a case a corruption or public-interest report, or change a report to another kind. Set the kind back.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="89"/>
        <source>신고자의 신원 정보는 관리자만 고칠 수 있습니다.</source>
        <translation>Only a supervisor can correct a reporter&apos;s identity.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="90"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="475"/>
        <source>이 사건을 접수한 담당자나 관리자만 고칠 수 있습니다.</source>
        <translation>Only the officer who took this case or a supervisor can correct it.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="91"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="476"/>
        <source>센터에서 이미 이송하거나 종결한 사건은 관리자만 고칠 수 있습니다.</source>
        <translation>Only a supervisor can correct a case the centre has already forwarded or closed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="92"/>
        <source>이 작업을 할 권한이 없습니다.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="131"/>
        <location filename="../../fieldbus/ui/cases/editor.py" line="266"/>
        <source>보완할 사건</source>
        <extracomment>A correction (고치기) rather than a returned case&apos;s resubmission.</extracomment>
        <translation>Case to correct</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="139"/>
        <source>관리자 보완 요청</source>
        <translation>Supervisor&apos;s request for changes</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="146"/>
        <source>바꿀 수 없는 항목</source>
        <translation>Fields that cannot change</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="153"/>
        <source>보완 양식</source>
        <translation>Correction form</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="158"/>
        <source>민원 내용</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="171"/>
        <source>민원인 정보 안내</source>
        <translation>Petitioner details notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="192"/>
        <location filename="../../fieldbus/ui/cases/editor.py" line="196"/>
        <source>고치는 까닭</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="193"/>
        <source>예: 전화번호를 잘못 들음 (처리 이력과 감사 기록에 남습니다)</source>
        <translation>e.g. phone number misheard (kept in the history and the audit log)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="194"/>
        <source>고치는 까닭 (꼭 적기)</source>
        <translation>Reason for the correction (required)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="207"/>
        <source>보완 제출 상태</source>
        <translation>Resubmission status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="207"/>
        <location filename="../../fieldbus/ui/cases/editor.py" line="267"/>
        <source>보완하여 다시 제출 (Ctrl+S)</source>
        <translation>Correct and resubmit (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="208"/>
        <location filename="../../fieldbus/ui/cases/editor.py" line="268"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="188"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="189"/>
        <source>보완하여 다시 제출</source>
        <translation>Correct and resubmit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="203"/>
        <source>취소 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="203"/>
        <location filename="../../fieldbus/ui/cases/editor.py" line="269"/>
        <source>보완 취소</source>
        <translation>Cancel correction</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="227"/>
        <source>신고 내용을 신고자에게 읽어 주고 확인받았습니다</source>
        <translation>The report was read back to the reporter and confirmed</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="258"/>
        <source>고치기: {0} (버전 {1})</source>
        <translation>Correct: {0} (version {1})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="260"/>
        <source>고칠 사건</source>
        <translation>Case to correct</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="261"/>
        <source>고친 내용 저장 (Ctrl+S)</source>
        <translation>Save the correction (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="262"/>
        <source>고친 내용 저장</source>
        <translation>Save the correction</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="263"/>
        <source>고치기 취소</source>
        <translation>Cancel the correction</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="265"/>
        <source>보완하여 다시 제출: {0}</source>
        <translation>Correct and resubmit: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="270"/>
        <source>관리자 보완 요청: {0}</source>
        <translation>Supervisor&apos;s request for changes: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="271"/>
        <source>(메모 없음)</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="275"/>
        <source>동의함</source>
        <translation>Consented</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="275"/>
        <source>동의하지 않음</source>
        <translation>Not consented</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="277"/>
        <source>바꿀 수 없는 항목 — 접수번호 {0} · 접수일시 {1} · 첨부 {2}건 · 개인정보 동의: {3}</source>
        <translation>Cannot change — receipt no. {0} · received {1} · {2} attachments · personal data consent: {3}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="316"/>
        <source>개인정보 수집·이용에 동의하지 않아 연락처는 저장하지 않습니다.</source>
        <translation>No consent to collecting personal data, so contact details are not kept.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="320"/>
        <source>신고자 신원 보호: 관리자만 볼 수 있어 바꿀 수 없습니다.</source>
        <translation>Reporter identity protected: only supervisors can see it, so it cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="318"/>
        <source>익명 민원: 민원인 정보가 없습니다.</source>
        <translation>Anonymous complaint: no petitioner details.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="409"/>
        <source>고치는 까닭을 적어야 저장합니다 (처리 이력에 남습니다).</source>
        <translation>Give the reason for the correction to save it (it is kept in the history).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="415"/>
        <source>저장하는 중…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="420"/>
        <source>바뀐 내용이 없습니다. 고칠 곳을 고친 뒤 저장하십시오.</source>
        <translation>Nothing has changed. Make the correction, then save.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="422"/>
        <source>바뀐 내용이 없습니다. 관리자 요청대로 고친 뒤 제출하십시오.</source>
        <translation>Nothing has changed. Correct it as the supervisor asked, then submit.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="415"/>
        <source>제출하는 중…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="235"/>
        <source>예: 1966</source>
        <translation>e.g. 1966</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="238"/>
        <source>2. 다투려는 처분</source>
        <translation>2. Decision challenged</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="103"/>
        <source>상담 내용이 기록되어 있습니다. 국선대리인과 관리자만 볼 수 있습니다.</source>
        <translation>Advice notes are recorded. Only counsel and supervisors can see them.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="106"/>
        <source>기록 없음</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="109"/>
        <source>상담일시</source>
        <translation>Session date</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="240"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="114"/>
        <source>처분 기관</source>
        <translation>Deciding agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="241"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="115"/>
        <source>처분 내용</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="242"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="116"/>
        <source>처분일</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="250"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="121"/>
        <source>심판의 종류</source>
        <translation>Type of appeal</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="125"/>
        <source>({0}일)</source>
        <translation>({0} days)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="252"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="126"/>
        <source>청구기간 고지</source>
        <translation>Period announced</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="263"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="128"/>
        <source>불가항력 사유가 끝난 날</source>
        <translation>Force majeure ended</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="129"/>
        <source>(국외)</source>
        <translation>(abroad)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="132"/>
        <source>적용 규정</source>
        <translation>Rule applied</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="144"/>
        <source>행정정보 공동이용 확인</source>
        <translation>Shared-records check</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="66"/>
        <source>상담 상세</source>
        <translation>Session details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="71"/>
        <source>상담 상세 알림</source>
        <translation>Session details notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="78"/>
        <source>확인증 재발행 (Enter)</source>
        <translation>Reprint confirmation (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="78"/>
        <source>상담 확인증 재발행</source>
        <translation>Reprint confirmation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="86"/>
        <source>돌아가기 (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="86"/>
        <source>상담 양식으로 돌아가기</source>
        <translation>Back to the session form</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="105"/>
        <source>상담 {0}</source>
        <translation>Session {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="109"/>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="479"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="84"/>
        <source>행정심판 청구 기한: {0}</source>
        <translation>Appeal deadline: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="85"/>
        <source>행정심판 청구 기한: {0} ({1})
{2}</source>
        <translation>Appeal deadline: {0} ({1})
{2}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="136"/>
        <source>상담을 열지 못했습니다.</source>
        <translation>Could not open the session.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="154"/>
        <source>확인증을 만드는 중…</source>
        <translation>Making the confirmation…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="521"/>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="164"/>
        <location filename="../../fieldbus/ui/printing/choices.py" line="206"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="117"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="124"/>
        <source>프린터</source>
        <translation>printer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="165"/>
        <source>상담 확인증을 {0}했습니다: {1}</source>
        <translation>Confirmation {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="244"/>
        <source>처분이 있음을 안 날을 모름 (처분일부터 180일만 적용)</source>
        <translation>Date learnt unknown (only the 180 days from the decision apply)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="245"/>
        <source>안 날 모름</source>
        <translation>Date learnt unknown</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="248"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="117"/>
        <source>처분이 있음을 안 날</source>
        <translation>Date learnt of the decision</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="117"/>
        <source>모름</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="133"/>
        <source>선정 요건</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/parts.py" line="37"/>
        <source>행정심판 청구 기한</source>
        <translation>Appeal deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="274"/>
        <source>청구 기한 근거</source>
        <translation>Deadline basis</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="280"/>
        <source>3. 국선대리인 선정 요건 (행정심판법 시행령 제16조의2)</source>
        <translation>3. Eligibility for state-appointed counsel (Enforcement Decree Art. 16-2)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="282"/>
        <source>해당 요건</source>
        <translation>Eligibility basis</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="283"/>
        <source>요건을 고르십시오</source>
        <translation>Choose the basis</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="134"/>
        <source>확인 방법</source>
        <translation>How checked</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="287"/>
        <source>확인 방법을 고르십시오</source>
        <translation>Choose how it was checked</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="295"/>
        <source>4. 상담</source>
        <translation>4. Session</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="297"/>
        <source>국선대리인 성명</source>
        <translation>Counsel&apos;s name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="299"/>
        <source>자격</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="300"/>
        <source>자격을 고르십시오</source>
        <translation>Choose the qualification</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="302"/>
        <source>비밀 — 국선대리인과 관리자만 봅니다. 확인증에 인쇄되지 않습니다.</source>
        <translation>Confidential — only counsel and supervisors see this. Never printed on the confirmation.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="303"/>
        <source>상담 내용 (비밀)</source>
        <translation>Advice notes (confidential)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="306"/>
        <source>상담 내용 비공개 안내</source>
        <translation>Confidential notes notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="311"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="138"/>
        <source>다음 할 일</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="312"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="137"/>
        <source>상담 결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="313"/>
        <source>상담 결과를 고르십시오</source>
        <translation>Choose the outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="316"/>
        <source>오늘의 상담</source>
        <translation>Today&apos;s sessions</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="319"/>
        <source>오늘의 상담 목록</source>
        <translation>List of today&apos;s sessions</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="318"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="111"/>
        <source>청구인</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="318"/>
        <source>청구 기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="322"/>
        <source>Enter: 상담 열기</source>
        <translation>Enter: open the session</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="329"/>
        <source>상담 저장 상태</source>
        <translation>Session save status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="330"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="299"/>
        <location filename="../../fieldbus/ui/widgets/form_parts.py" line="234"/>
        <source>저장 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="330"/>
        <source>상담 저장</source>
        <translation>Save session</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="475"/>
        <source>행정심판 청구 기한: 날짜를 확인하십시오</source>
        <translation>Appeal deadline: check the dates</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="61"/>
        <source>기한이 {0}일 지났습니다</source>
        <translation>{0} days past the deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="63"/>
        <source>오늘이 마지막 날입니다</source>
        <translation>Today is the last day</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="64"/>
        <source>{0}일 남음</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="484"/>
        <source> — 기한 임박</source>
        <translation> — deadline near</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="484"/>
        <source> — 기한 지남</source>
        <translation> — deadline passed</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/detail.py" line="125"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="480"/>
        <location filename="../../fieldbus/ui/counsel/form.py" line="487"/>
        <source>근거: {0}</source>
        <translation>Basis: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_parts.py" line="234"/>
        <source>저장 중…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/counsel/form.py" line="551"/>
        <source>오늘의 상담 목록을 불러오지 못했습니다.</source>
        <translation>Could not load today&apos;s sessions.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="28"/>
        <source>개인</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="28"/>
        <source>단체</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="29"/>
        <source>대리인</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="33"/>
        <source>사전 예약</source>
        <translation>Booked ahead</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="35"/>
        <source>알리지 않음</source>
        <translation>Do not notify</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="35"/>
        <source>문자(SMS)</source>
        <translation>Text (SMS)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="73"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="221"/>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="36"/>
        <source>전자우편</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="36"/>
        <source>우편</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="37"/>
        <source>합의(합의서 작성)</source>
        <translation>Settled (agreement signed)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="38"/>
        <source>조사 접수</source>
        <translation>Taken for investigation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="38"/>
        <source>이송·안내</source>
        <translation>Transferred / referred</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="40"/>
        <source>종류별 기본 안내</source>
        <translation>Default for the type</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="40"/>
        <source>구비서류 없음</source>
        <translation>No documents required</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="41"/>
        <source>구비서류 완비</source>
        <translation>Documents complete</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="41"/>
        <source>구비서류 미비</source>
        <translation>Documents incomplete</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="43"/>
        <source>묻지 않음</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="43"/>
        <source>신분공개에 동의함</source>
        <translation>Agrees to disclosure of identity</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="44"/>
        <source>신분공개에 동의하지 않음</source>
        <translation>Refuses disclosure of identity</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="55"/>
        <source>전자우편 주소가 올바르지 않습니다 (예: name@example.kr).</source>
        <translation>Invalid email address (e.g. name@example.kr).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="57"/>
        <source>우편번호는 숫자 5자리입니다.</source>
        <translation>The postcode is 5 digits.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="60"/>
        <source>문자로 알리려면 휴대전화 번호와 개인정보 수집 동의가 필요합니다.</source>
        <translation>Text notices need a mobile number and consent to collect personal data.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="61"/>
        <source>전자우편으로 알리려면 전자우편 주소와 개인정보 수집 동의가 필요합니다.</source>
        <translation>Email notices need an email address and consent to collect personal data.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="62"/>
        <source>우편으로 알리려면 주소가 필요합니다.</source>
        <translation>To notify by post, an address is needed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="69"/>
        <source>구술 신고는 신고 내용을 신고자에게 읽어 주고 확인받은 뒤에 저장합니다 (공익신고자 보호법 제8조③).</source>
        <translation>An oral report is saved only after it was read back to the reporter and confirmed (Public Interest Whistleblower Protection Act art. 8(3)).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="72"/>
        <source>구비서류가 미비하면 보완할 서류를 적으십시오.</source>
        <translation>If documents are incomplete, write which are missing.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="87"/>
        <source>부패·공익신고로 접수</source>
        <translation>File as a public-interest report</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="88"/>
        <source>공익신고로 접수하면 신고자 신원이 봉인되고 관리자만 볼 수 있습니다. 접수증과 민원 목록에도 신고자를 표시하지 않으며, 처리 기간은 신고에 관한 법령을 따릅니다. 부패·공익신고로 접수하시겠습니까?</source>
        <translation>Filed as a public-interest report, the reporter&apos;s identity is sealed: only supervisors can see it. The receipt and the case list do not show the reporter, and the processing period follows the law on reports. File this as a corruption / public-interest report?</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="93"/>
        <source>예, 공익신고로 접수</source>
        <translation>Yes, file as a report</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="94"/>
        <source>아니요, 종류를 다시 봅니다</source>
        <translation>No, check the kind again</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="95"/>
        <source>공익신고로 접수</source>
        <translation>File as a report</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="96"/>
        <source>종류를 다시 보기</source>
        <translation>Check the kind again</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="63"/>
        <source>알릴 방법에 필요한 연락처가 없습니다.</source>
        <translation>The contact needed for this notice method is missing.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="65"/>
        <source>부패·공익신고는 신고자 보호를 위해 공개할 수 없습니다.</source>
        <translation>Corruption and public-interest reports cannot be public, to protect the reporter.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="67"/>
        <source>이송·안내한 기관을 입력하십시오.</source>
        <translation>Enter the agency it was transferred or referred to.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="161"/>
        <source>접수되었습니다. 접수번호:</source>
        <extracomment>The tab chain and the order errors are visited in. For a report only (kind ``report``). Fields the keyboard focus has been in and left (their problems show). A report&apos;s question before saving, while it is open (issue 12). 발생 지역&apos;s default: the open visit&apos;s region (issue 12), asked of the store when the form shows and after each save; &apos;&apos; with no visit open.</extracomment>
        <translation>Received. Receipt no.:</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="162"/>
        <source>Enter: 아래 고른 대로 접수증 인쇄   ·   Esc: 인쇄하지 않고 다음 민원</source>
        <translation>Enter: print the receipt as chosen below   ·   Esc: next complaint without printing</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="163"/>
        <source>접수증 인쇄 (Enter)</source>
        <translation>Print receipt (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="163"/>
        <source>접수증 인쇄</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="164"/>
        <source>다음 민원 (Esc)</source>
        <translation>Next complaint (Esc)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="164"/>
        <source>다음 민원</source>
        <translation>Next complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="165"/>
        <source>접수증 {0}을(를) PDF로 저장했습니다 (프린터 설정 없음): {1}</source>
        <translation>Receipt {0} saved as PDF (no printer set): {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="166"/>
        <source>접수증 {0}을(를) 인쇄했습니다.</source>
        <translation>Receipt {0} printed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="167"/>
        <source>접수번호 {0}: 접수증을 인쇄하지 않았습니다.</source>
        <translation>Receipt no. {0}: receipt not printed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="168"/>
        <source>{0} 민원은 저장되어 있습니다. Enter로 다시 시도하거나 Esc로 넘어가십시오.</source>
        <translation>Complaint {0} is saved. Press Enter to try again or Esc to go on.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="292"/>
        <source>민원 접수 양식</source>
        <translation>Complaint intake form</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="231"/>
        <source>2. 개인정보 처리 안내와 동의</source>
        <translation>2. Personal data notice and consent</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="235"/>
        <source>동의 없이 처리하는 항목</source>
        <translation>Items processed without consent</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="239"/>
        <source>동의를 받지 않습니다. 익명 접수는 성명·주소를 받지 않으며 법정 처리기간이 없습니다.</source>
        <translation>No consent is asked. An anonymous case takes no name or address and has no statutory period.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="286"/>
        <source>4. 첨부 파일</source>
        <translation>4. Attachments</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="288"/>
        <source>5. 민원인 서명 (선택)</source>
        <translation>5. Petitioner&apos;s signature (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="160"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="307"/>
        <source>접수 안내 (민원처리법 시행령 제6조④)</source>
        <translation>What the citizen is told (Civil Petitions Decree art. 6(4))</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="310"/>
        <source>접수 안내 설명</source>
        <translation>About the intake notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="311"/>
        <source>구비서류, 처리 기준과 절차, 현장 확인·조사 예정을 안내하고 접수증에 적습니다. 비워 두면 민원 종류별 기본 안내를 인쇄합니다. 처리 예정 기간은 접수증의 처리 기간·처리 예정일입니다.</source>
        <translation>Tell the citizen about documents, procedure and any on-site check; the receipt prints it. Left empty, the default for the type is printed. The expected time is the receipt&apos;s period and due date.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="78"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="317"/>
        <source>구비서류</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="79"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="318"/>
        <source>보완할 서류</source>
        <translation>Missing documents</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="79"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="320"/>
        <source>처리 기준과 절차</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="80"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="323"/>
        <source>현장 확인·조사</source>
        <translation>On-site check</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="162"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="332"/>
        <source>신고자 보호 (부패·공익신고)</source>
        <translation>Reporter protection (corruption / public-interest report)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="80"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="340"/>
        <source>신분공개 동의</source>
        <translation>Disclosure of identity</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="224"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="343"/>
        <source>구술 신고 (신고서 없이 말로 신고, 담당자가 받아 적음)</source>
        <translation>Oral report (told, written down by the officer)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="225"/>
        <location filename="../../fieldbus/ui/cases/page.py" line="560"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="343"/>
        <source>구술 신고</source>
        <translation>Oral report</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="81"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="344"/>
        <source>신고 방법</source>
        <translation>How reported</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="228"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="346"/>
        <source>신고 내용 읽어 주기 확인</source>
        <translation>Report read back</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="81"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="348"/>
        <source>읽어 주기</source>
        <translation>Read back</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="528"/>
        <source>민원 종류를 고르면 기본 안내가 보입니다</source>
        <translation>Choose the type to see the default</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="535"/>
        <source>종류별 기본 안내: {0}</source>
        <translation>Default for the type: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="567"/>
        <source>동의하지 않았으므로 전화번호·전자우편·우편번호·출생연도는 저장하지 않습니다. 성명·주소는 민원처리법에 따라 처리합니다. 민원은 그대로 접수됩니다.</source>
        <translation>No consent: phone, e-mail, postcode and birth year are not kept. Name and address are processed under the Civil Petitions Act. The case is still taken.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_parts.py" line="76"/>
        <source>{0} 경고</source>
        <translation>{0} warning</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/page.py" line="559"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="208"/>
        <source>접수 안내</source>
        <translation>Intake notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="211"/>
        <source>1. 민원인</source>
        <translation>1. Petitioner</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="214"/>
        <source>익명으로 접수 (민원인 정보 없이)</source>
        <translation>Take anonymously (no petitioner details)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="214"/>
        <source>익명 접수</source>
        <translation>Anonymous intake</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="72"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="218"/>
        <source>민원인 유형</source>
        <translation>Petitioner type</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="73"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="225"/>
        <source>우편번호</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="226"/>
        <source>숫자 5자리</source>
        <translation>5 digits</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="228"/>
        <source>예: 1951</source>
        <translation>e.g. 1951</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="247"/>
        <source>개인정보 수집·이용 안내문</source>
        <translation>Personal data notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="257"/>
        <source>위 선택 항목의 수집·이용에 동의함</source>
        <translation>Consents to the optional items above</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="259"/>
        <source>동의 여부</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="263"/>
        <source>3. 민원 내용</source>
        <translation>3. Complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="74"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="265"/>
        <source>민원 종류</source>
        <translation>Kind of complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="266"/>
        <source>민원 종류를 고르십시오</source>
        <translation>Choose the kind</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="74"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="267"/>
        <source>관계 기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="75"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="269"/>
        <source>발생 지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="270"/>
        <source>예: 경상북도 구미시</source>
        <translation>e.g. Gumi-si, Gyeongsangbuk-do</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="75"/>
        <location filename="../../fieldbus/ui/cases/model.py" line="111"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="272"/>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="75"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="274"/>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="77"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="278"/>
        <source>처리 결과 통지</source>
        <translation>Notify the result by</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="77"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="279"/>
        <source>현장 처리 결과</source>
        <translation>On-site outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="280"/>
        <source>현장 처리 결과를 고르십시오</source>
        <translation>Choose the on-site outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/cases/editor.py" line="78"/>
        <location filename="../../fieldbus/ui/intake/form.py" line="281"/>
        <source>이송·안내 기관</source>
        <translation>Transferred / referred to</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="298"/>
        <source>접수 상태</source>
        <translation>Intake status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="299"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/complaint_fields.py" line="79"/>
        <source>주민등록번호로 보이는 번호가 있습니다. 주민등록번호는 받지 않습니다 — 지우십시오. 그대로 저장하면 뒷자리를 *로 가립니다.</source>
        <translation>This looks like a resident registration number. We do not take them — please delete it. If saved as is, the last digits are masked with *.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="586"/>
        <source>첨부 파일을 아직 읽고 있습니다. 잠시 뒤 다시 저장하십시오.</source>
        <translation>Attachments are still being read. Save again in a moment.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="605"/>
        <source>저장하지 않았습니다. 민원 종류를 확인하십시오.</source>
        <translation>Not saved. Check the kind of complaint.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="634"/>
        <source>저장하지 않았습니다. 첨부 파일을 확인하십시오.</source>
        <translation>Not saved. Check the attachments.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/form.py" line="672"/>
        <source>저장하지 않은 접수 내용이 있어 되살렸습니다 ({0}에 자동 저장). 확인한 뒤 저장하십시오.</source>
        <translation>An unsaved intake was restored (autosaved at {0}). Check it, then save.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/draft_autosave.py" line="40"/>
        <source>임시 저장본을 불러오지 못했습니다.</source>
        <translation>Could not load the draft.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/draft_autosave.py" line="41"/>
        <source>임시 저장에 실패했습니다. 디스크를 확인하십시오.</source>
        <translation>Autosave failed. Check the disk.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="92"/>
        <location filename="../../fieldbus/ui/shell/messages.py" line="21"/>
        <source>현장 담당자</source>
        <translation>Field officer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="92"/>
        <location filename="../../fieldbus/ui/shell/messages.py" line="22"/>
        <location filename="../../fieldbus/ui/widgets/counsel_fields.py" line="135"/>
        <source>국선대리인</source>
        <translation>State-appointed counsel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="93"/>
        <location filename="../../fieldbus/ui/shell/messages.py" line="23"/>
        <source>관리자</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="93"/>
        <source>현장 노트북</source>
        <translation>Field laptop</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="128"/>
        <source>다른 관리자가 방금 이 사건을 바꿨습니다. 새 상태를 다시 불러왔으니 확인하고 다시 하십시오.</source>
        <translation>Another supervisor has just changed this case. Its new state was reloaded: check it and try again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="131"/>
        <source>관리자 계정이 아닙니다. 검토는 관리자만 할 수 있습니다.</source>
        <translation>This is not a supervisor account. Only supervisors can review.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="133"/>
        <source>허브에 연결할 수 없고, 이 목록은 이 노트북에서 받아 둔 적이 없습니다.</source>
        <translation>The hub cannot be reached, and this list was never fetched on this laptop.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="135"/>
        <source>허브에 연결할 수 없습니다. 연결되면 다시 하십시오.</source>
        <translation>The hub cannot be reached. Try again when connected.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="137"/>
        <source>허브 로그인이 끝났습니다. 다시 로그인하십시오.</source>
        <translation>The hub sign-in has ended. Please sign in again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="139"/>
        <source>사용자 이름 또는 비밀번호가 맞지 않습니다.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="141"/>
        <source>허브의 인증서를 믿을 수 없습니다. IT 담당자에게 알리십시오.</source>
        <translation>The hub&apos;s certificate cannot be trusted. Tell your IT staff.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="143"/>
        <source>허브가 거절했습니다: {0}</source>
        <translation>Refused by the hub: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="146"/>
        <source>처리하지 못했습니다: {0}</source>
        <translation>Could not be done: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="32"/>
        <source>PIN은 숫자 6~12자리여야 합니다.</source>
        <translation>The PIN must be 6 to 12 digits.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="33"/>
        <source>기기 코드는 영문 대문자(A–Z)와 숫자(0–9)로 2~6자입니다.</source>
        <translation>The device code is 2 to 6 capital letters (A–Z) and digits (0–9).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="36"/>
        <source>줄바꿈·탭 같은 제어 문자는 쓸 수 없습니다.</source>
        <translation>Control characters such as line breaks and tabs cannot be used.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="37"/>
        <source>쓸 수 없는 문자가 있습니다.</source>
        <translation>Contains characters that cannot be used.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="38"/>
        <source>같은 이름의 담당자가 이미 있습니다.</source>
        <translation>An officer with this name already exists.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="39"/>
        <source>역할을 골라 주세요.</source>
        <translation>Please choose a role.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="48"/>
        <source>저장소의 암호 키를 찾을 수 없습니다.</source>
        <translation>The store&apos;s encryption key cannot be found.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="49"/>
        <source>저장소 파일은 그대로 두었습니다. 새 저장소를 만들지 마십시오 — 아직 동기화하지 않은 사건이 들어 있을 수 있습니다. 키링(열쇠 모음)을 복구하거나 관리자에게 연락하십시오.</source>
        <translation>The store files were left untouched. Do not create a new store — it may hold cases not yet synced. Restore the keyring or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="53"/>
        <source>이 키로는 저장소를 열 수 없습니다.</source>
        <translation>This key cannot open the store.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="54"/>
        <source>다른 노트북의 키이거나 파일이 손상되었을 수 있습니다. 파일은 그대로 두었습니다. 관리자에게 연락하십시오.</source>
        <translation>The key may be another laptop&apos;s, or the file may be damaged. The files were left untouched. Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="57"/>
        <source>더 새로운 버전의 Fieldbus가 만든 저장소입니다.</source>
        <translation>This store was made by a newer version of Fieldbus.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="58"/>
        <source>Fieldbus를 최신 버전으로 업데이트한 뒤 다시 여십시오. 저장소는 그대로 두었습니다.</source>
        <translation>Update Fieldbus to the latest version, then open it again. The store was left untouched.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="61"/>
        <source>암호 키를 보관할 안전한 키링을 사용할 수 없습니다.</source>
        <translation>No secure keyring is available to hold the encryption key.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="62"/>
        <source>운영체제의 키링(GNOME 키링, KWallet, 키체인 등)을 설치하거나 잠금을 푼 뒤 다시 시도하십시오.</source>
        <translation>Install or unlock the system keyring (GNOME Keyring, KWallet, Keychain…), then try again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="65"/>
        <source>디스크가 저장을 거부했습니다.</source>
        <translation>The disk refused to save.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="66"/>
        <source>디스크 공간과 저장 장치 연결을 확인한 뒤 다시 시도하십시오. 저장했다고 표시된 내용은 잃지 않았습니다.</source>
        <translation>Check the free disk space and the drive connection, then try again. Nothing shown as saved was lost.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="69"/>
        <source>저장소 파일이 없습니다.</source>
        <translation>The store file is missing.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="70"/>
        <source>저장소 설명 파일은 있지만 데이터 파일이 없습니다. 백업에서 복원하거나 관리자에게 연락하십시오.</source>
        <translation>The store&apos;s description file exists but its data file does not. Restore from a backup or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="73"/>
        <source>이 폴더에는 이미 저장소가 있습니다.</source>
        <translation>This folder already holds a store.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="74"/>
        <source>기존 저장소는 건드리지 않았습니다. 프로그램을 다시 시작해 로그인하십시오.</source>
        <translation>The existing store was not touched. Restart the program and sign in.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="75"/>
        <source>저장소를 열 수 없습니다.</source>
        <translation>The store cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="76"/>
        <source>프로그램을 다시 시작해 보고, 계속되면 관리자에게 연락하십시오.</source>
        <translation>Restart the program; if this persists, contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/messages.py" line="80"/>
        <source>예상하지 못한 오류가 났습니다. 작업은 저장되지 않았을 수 있습니다. 계속되면 관리자에게 연락하십시오.</source>
        <translation>An unexpected error occurred. Your work may not have been saved. If this persists, contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/after_save.py" line="70"/>
        <source>사건 목록의 ‘접수증 재발행’으로 나중에 다시 인쇄할 수 있습니다.</source>
        <translation>It can be printed later with ‘Reprint receipt’ in the case list.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/after_save.py" line="71"/>
        <source>상담 탭의 오늘 상담 목록에서 열어 ‘확인증 재발행’으로 나중에 다시 인쇄할 수 있습니다.</source>
        <translation>It can be printed later: open it from today&apos;s sessions on the counsel tab and use ‘Reprint confirmation’.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/after_save.py" line="117"/>
        <source>인쇄 결과</source>
        <translation>Print result</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/after_save.py" line="157"/>
        <source>인쇄 중…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/after_save.py" line="168"/>
        <source>{0}: 인쇄했습니다.</source>
        <translation>{0}: printed.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="36"/>
        <source>민원인 보관용</source>
        <translation>Citizen&apos;s copy</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="37"/>
        <source>기관 보관용 (서명)</source>
        <translation>Office copy (signature)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="38"/>
        <source>둘 다</source>
        <translation>Both</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="41"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="111"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="41"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="111"/>
        <source>80 mm 롤</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="67"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="118"/>
        <source>PDF 파일로 저장</source>
        <translation>Save as PDF file</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="68"/>
        <source>기본 프린터</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="86"/>
        <source>프린터 ‘{0}’를 찾을 수 없습니다. 설정에서 프린터를 고르거나 PDF로 저장하십시오.</source>
        <translation>Printer ‘{0}’ was not found. Choose a printer in Settings or save as PDF.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="89"/>
        <source>이 노트북에 설정된 프린터가 없습니다. 시스템 설정에서 프린터를 추가하거나 PDF로 저장하십시오.</source>
        <translation>This laptop has no printer set up. Add one in the system settings, or save as PDF.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="92"/>
        <source>프린터 ‘{0}’가 인쇄를 시작하지 못했습니다. 전원·용지·연결을 확인하고 다시 인쇄하십시오.</source>
        <translation>Printer ‘{0}’ could not start printing. Check its power, paper and cable, then print again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="95"/>
        <source>인쇄가 중간에 멈췄습니다. 프린터의 용지·전원을 확인하고 다시 인쇄하십시오.</source>
        <translation>Printing stopped part-way. Check the printer&apos;s paper and power, then print again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="98"/>
        <source>프린터 ‘{0}’가 이 용지를 지원하지 않습니다. 용지(A4·80 mm 롤)나 프린터를 바꾸십시오.</source>
        <translation>Printer ‘{0}’ does not take this paper. Change the paper (A4 or 80 mm roll) or the printer.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="101"/>
        <source>PDF 파일을 저장하지 못했습니다. 다른 폴더를 고르십시오.</source>
        <translation>The PDF file could not be saved. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="102"/>
        <source>인쇄하지 못했습니다.</source>
        <translation>Could not print.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="196"/>
        <source>인쇄할 사본</source>
        <translation>Copy to print</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="199"/>
        <source>기관 보관용 (서명)은 언제나 A4로 인쇄합니다.</source>
        <translation>The office copy (signature) is always printed on A4.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="202"/>
        <source>용지</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="207"/>
        <source>프린터 선택…</source>
        <translation>Choose printer…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="208"/>
        <location filename="../../fieldbus/ui/printing/choices.py" line="253"/>
        <source>프린터 선택</source>
        <translation>Choose printer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/printing/choices.py" line="236"/>
        <source>프린터: {0}</source>
        <translation>Printer: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="50"/>
        <source>{0} 바이트</source>
        <translation>{0} bytes</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="57"/>
        <source>{0} 파일은 {1}입니다. 한 파일은 {2} MB까지 첨부할 수 있습니다.</source>
        <translation>{0} is {1}. Each file can be at most {2} MB.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="58"/>
        <source>{0} 파일({1})을 더하면 첨부 파일이 모두 {2} MB를 넘습니다.</source>
        <translation>Adding {0} ({1}) would take the attachments over {2} MB in total.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="59"/>
        <source>{0}: 첨부 파일은 {1}개까지입니다.</source>
        <translation>{0}: at most {1} attachments.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="60"/>
        <source>{0} 파일을 읽을 수 없습니다 (없거나, 폴더이거나, 권한이 없습니다).</source>
        <translation>Cannot read {0} (missing, a folder, or no permission).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="61"/>
        <source>{0} 파일은 이미 첨부되어 있습니다 (같은 내용). 한 번만 첨부합니다.</source>
        <translation>{0} is already attached (same content). It is attached only once.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="62"/>
        <source>임시 저장본의 첨부 파일 {0}을(를) 찾을 수 없어 목록에서 뺐습니다. 다시 첨부하십시오.</source>
        <translation>The draft&apos;s attachment {0} cannot be found and was removed from the list. Attach it again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="64"/>
        <source>임시 저장본의 첨부 파일 {0}이(가) 그 뒤 바뀌어 목록에서 뺐습니다. 다시 첨부하십시오.</source>
        <translation>The draft&apos;s attachment {0} has changed since and was removed from the list. Attach it again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="67"/>
        <source>{0} 파일을 첨부하지 못했습니다.</source>
        <translation>Could not attach {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="83"/>
        <source>{0} 파일이 첨부한 뒤 바뀌었거나 없어졌습니다. 목록에서 빼고 다시 첨부하십시오.</source>
        <translation>{0} changed or disappeared after it was attached. Remove it and attach it again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="129"/>
        <source>첨부 파일 목록</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="130"/>
        <source>Delete: 고른 파일 빼기. 파일 관리자에서 파일을 끌어다 놓아도 첨부됩니다.</source>
        <translation>Delete: remove the selected file. You can also drag files here from the file manager.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="134"/>
        <source>파일 추가…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="135"/>
        <source>첨부 파일 추가</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="141"/>
        <source>첨부 파일 오류</source>
        <translation>Attachment error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="184"/>
        <source>첨부할 파일 고르기</source>
        <translation>Choose files to attach</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="272"/>
        <source>파일을 읽는 중… ({0}개)</source>
        <translation>Reading files… ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="274"/>
        <source>여기로 파일을 끌어다 놓거나 [파일 추가…]를 누르십시오. 한 파일 {0} MB, 모두 {1} MB까지.</source>
        <translation>Drop files here or press [Add file…]. Up to {0} MB per file, {1} MB in all.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="283"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="292"/>
        <source>빼기</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/attachment_box.py" line="293"/>
        <source>{0} 빼기</source>
        <translation>Remove {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="46"/>
        <source>설정</source>
        <extracomment>Each language under its own name, so it can be found whatever the UI is in.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="53"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="57"/>
        <source>화면 언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="59"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="66"/>
        <source>글자 크기</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="60"/>
        <source>보통 (100%)</source>
        <translation>Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="60"/>
        <source>크게 (125%)</source>
        <translation>Large (125%)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="61"/>
        <source>아주 크게 (150%)</source>
        <translation>Extra large (150%)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="72"/>
        <source>설정 안내</source>
        <translation>Settings notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="79"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="80"/>
        <source>적용</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="82"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="83"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="88"/>
        <source>설정 파일을 읽지 못한 부분이 있어 기본값을 썼습니다. 적용하면 새로 저장합니다.</source>
        <translation>Part of the settings file could not be read, so defaults were used. Apply saves it anew.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="103"/>
        <source>기관 보관용 (서명)도 인쇄</source>
        <translation>Also print the office copy (signature)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="104"/>
        <source>저장 후 기관 보관용도 인쇄</source>
        <translation>Also print the office copy after saving</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="105"/>
        <source>민원인 보관용은 언제나 인쇄합니다. 기관 보관용은 A4로 인쇄합니다.</source>
        <translation>The citizen&apos;s copy is always printed. The office copy is printed on A4.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="108"/>
        <source>저장 후 인쇄</source>
        <translation>Print after saving</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="110"/>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="115"/>
        <source>접수증 용지</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="122"/>
        <source>{0} (찾을 수 없음)</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="127"/>
        <source>{0}이(가) 설정되어 있어 이 컴퓨터에서는 그 값이 우선합니다.</source>
        <translation>{0} is set, so on this computer its value comes first.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="135"/>
        <source>언어는 다음에 시작할 때 적용됩니다. 작성 중인 내용은 그대로 남습니다.</source>
        <translation>The language changes the next time Fieldbus starts. What you are typing stays as it is.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/settings_dialog.py" line="146"/>
        <source>설정을 저장하지 못했습니다: {0}</source>
        <translation>Could not save the settings: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="54"/>
        <source>민원인 서명란</source>
        <translation>Petitioner&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="56"/>
        <source>민원인이 마우스, 펜 또는 손가락으로 서명하는 곳입니다. 키보드로는 서명할 수 없습니다. 서명은 선택 사항이며, 서명하지 않으면 기관보관용 접수증에 &apos;서명 없음&apos;으로 인쇄됩니다. Ctrl+Z: 마지막 획 지우기, Delete: 모두 지우기.</source>
        <translation>Where the petitioner signs with a mouse, pen or finger; it cannot be signed with the keyboard. Signing is optional; without it the office copy of the receipt says &apos;not signed&apos;. Ctrl+Z: undo the last stroke, Delete: clear all.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="197"/>
        <source>여기에 서명해 주세요</source>
        <translation>Please sign here</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="195"/>
        <source>익명 접수에는 서명을 받지 않습니다</source>
        <translation>No signature for anonymous intake</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="303"/>
        <source>마지막 획 지우기</source>
        <translation>Undo stroke</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="304"/>
        <source>서명의 마지막 획 지우기</source>
        <translation>Undo the last stroke of the signature</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="306"/>
        <source>지우기</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/intake/signature_pad.py" line="307"/>
        <source>서명 지우기</source>
        <translation>Clear the signature</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/training_banner.py" line="25"/>
        <source>[교육용] {0}</source>
        <translation>[TRAINING] {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/training_banner.py" line="32"/>
        <source>교육용 — 실제 민원이 아닙니다. 연습용 자료이며 동기화되지 않습니다.</source>
        <translation>TRAINING — not real complaints. Practice data, never synced.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/training_banner.py" line="34"/>
        <source>교육용 저장소 안내</source>
        <translation>Training store notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/training_banner.py" line="43"/>
        <location filename="../../fieldbus/ui/shell/training_banner.py" line="45"/>
        <source>교육용 저장소</source>
        <translation>Training store</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="68"/>
        <source>동기화하지 않음 (교육용)</source>
        <translation>Not synced (training)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="94"/>
        <source>동기화 중…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="72"/>
        <source>확인 필요 {0}건 · 대기 {1}건</source>
        <translation>{0} need attention · {1} waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="47"/>
        <source>허브에 연결할 수 없습니다. 연결되면 다시 보냅니다.</source>
        <extracomment>Why the last run stopped, in the officer&apos;s words, by the engine&apos;s code (:mod:`sync.failures`); the engine&apos;s own sentence (English, for IT and scripts) is the line&apos;s tooltip.</extracomment>
        <translation>The hub cannot be reached. Records go when a connection is back.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="48"/>
        <source>허브의 보안 인증서를 확인할 수 없습니다. 관리자에게 알리십시오.</source>
        <translation>The hub&apos;s security certificate cannot be verified. Tell IT.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="50"/>
        <source>허브가 아닌 곳이 응답했습니다 (와이파이 로그인 화면?). 인터넷 연결을 확인하십시오.</source>
        <translation>Something other than the hub answered (a Wi-Fi sign-in page?). Check the internet connection.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="52"/>
        <source>허브가 이 노트북의 인증을 받지 않습니다.</source>
        <translation>The hub does not accept this laptop&apos;s credentials.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="53"/>
        <source>허브가 요청을 거절했습니다. 관리자에게 알리십시오.</source>
        <translation>The hub refused the request. Tell IT.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="54"/>
        <source>허브와 이 노트북의 Fieldbus 버전이 맞지 않습니다. 관리자에게 업데이트를 요청하십시오.</source>
        <translation>The hub and this laptop run Fieldbus versions that do not match. Ask IT to update.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="61"/>
        <source>동기화하지 못했습니다.</source>
        <translation>Sync did not complete.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="74"/>
        <source>허브가 거부함 · 대기 {0}건</source>
        <translation>Refused by the hub · {0} waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="76"/>
        <source>허브 미등록 · 대기 {0}건</source>
        <translation>Not enrolled · {0} waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="77"/>
        <source>허브 미등록</source>
        <translation>Not enrolled with a hub</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="78"/>
        <source> · 첨부 {0}개</source>
        <translation> · {0} file(s)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="81"/>
        <source>오프라인 · 첨부 {0}개 대기</source>
        <translation>Offline · {0} file(s) waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="82"/>
        <source>오프라인 · 대기 {0}건</source>
        <translation>Offline · {0} waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="85"/>
        <source>첨부 전송 대기 {0}개</source>
        <translation>{0} file(s) waiting to send</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="86"/>
        <source>동기화 대기 {0}건</source>
        <translation>{0} waiting to sync</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="87"/>
        <source>모두 동기화됨</source>
        <translation>All synced</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="95"/>
        <source>동기화 중</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="97"/>
        <source>기록 {0}/{1}</source>
        <translation>Records {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="101"/>
        <source>받는 중 {0}건</source>
        <translation>Pulling {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="102"/>
        <source>받는 중</source>
        <translation>Pulling</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="116"/>
        <source>1분 미만 남음</source>
        <translation>Under a minute left</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="119"/>
        <source>약 {0}분 남음</source>
        <translation>About {0} min left</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="120"/>
        <source>약 {0}시간 {1}분 남음</source>
        <translation>About {0} h {1} min left</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="124"/>
        <source>대기</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="124"/>
        <source>전송 중</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="124"/>
        <source>완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="125"/>
        <source>실패</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="135"/>
        <source>이 노트북은 허브에 등록되지 않아 동기화하지 않습니다. 기록은 이 노트북에 안전하게 남아 있고, 관리자가 `fieldbus enrol`로 등록하면 보냅니다.</source>
        <translation>This laptop is not enrolled with a hub, so it does not sync. Records stay safely on this laptop and are sent once an administrator enrols it with `fieldbus enrol`.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="139"/>
        <source>허브가 이 노트북을 받지 않습니다. 기록은 이 노트북에 남아 있습니다. 관리자에게 다시 등록을 요청하십시오.</source>
        <translation>The hub does not accept this laptop. Records stay on this laptop. Ask an administrator to enrol it again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="141"/>
        <source>동기화 현황 보기 (Ctrl+Shift+Y)</source>
        <translation>Show sync status (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="171"/>
        <source>전체 전송량</source>
        <translation>Overall transfer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="174"/>
        <source>첨부 파일</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="174"/>
        <source>크기</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="174"/>
        <source>진행</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="175"/>
        <source>보내는 첨부 파일</source>
        <translation>Attachments being sent</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="210"/>
        <source>{0} 전송 진행</source>
        <translation>{0} transfer progress</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="221"/>
        <location filename="../../fieldbus/ui/sync/panel.py" line="222"/>
        <source>동기화 현황</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="226"/>
        <source>동기화 상태</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="230"/>
        <source>동기화 자세히</source>
        <translation>Sync details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="239"/>
        <source>지금 동기화</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="242"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="270"/>
        <source>등록하려면 관리자가 이 노트북에서 `fieldbus enrol --hub 주소 --user 이름 --password-stdin`을 실행합니다.</source>
        <translation>To enrol it, an administrator runs `fieldbus enrol --hub ADDRESS --user NAME --password-stdin` on this laptop.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="133"/>
        <location filename="../../fieldbus/ui/sync/panel.py" line="266"/>
        <source>교육용 저장소는 허브에 등록하지 않고 동기화하지도 않습니다.</source>
        <translation>A training store is never enrolled with a hub and never synced.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="273"/>
        <source>마지막 동기화: {0}</source>
        <translation>Last synced: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="276"/>
        <source>마지막 시도 실패: {0}</source>
        <translation>Last attempt failed: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="278"/>
        <source>허브가 이 노트북의 인증을 받지 않습니다 (등록 취소?). 관리자에게 다시 등록을 요청하십시오. 기록은 지워지지 않습니다.</source>
        <translation>The hub no longer accepts this laptop&apos;s credentials (enrolment revoked?). Ask an administrator to enrol it again. Nothing is deleted.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/sync/panel.py" line="287"/>
        <source>대기 목록을 불러오지 못했습니다.</source>
        <translation>Could not load the waiting list.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="63"/>
        <source>너무 깁니다 ({0}자까지, 지금 {1}자).</source>
        <translation>Too long ({0} characters at most, now {1}).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="76"/>
        <source>제출하지 않았습니다. 빨간 글씨를 보십시오.</source>
        <translation>Not submitted. See the red text.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="77"/>
        <source>저장하지 않았습니다. 빨간 글씨를 보십시오.</source>
        <translation>Not saved. See the red text.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="80"/>
        <source>제출하지 않았습니다: {0}</source>
        <translation>Not submitted: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="81"/>
        <source>저장하지 않았습니다: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="84"/>
        <source>제출하지 않았습니다. {0} {1}</source>
        <translation>Not submitted. {0} {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="85"/>
        <source>저장하지 않았습니다. {0} {1}</source>
        <translation>Not saved. {0} {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/form_problems.py" line="89"/>
        <source>고칠 곳이 {0}군데 있습니다. 빨간 글씨를 보십시오.</source>
        <translation>{0} fields need fixing. See the red text.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="103"/>
        <source>개인정보 열람 사유</source>
        <translation>Reason for viewing personal details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="104"/>
        <source>열람 사유를 적고 Enter (기록됨)</source>
        <translation>Type the reason and press Enter (recorded)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="114"/>
        <source>개인정보 보기 알림</source>
        <translation>Personal details notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="136"/>
        <source>개인정보 가리기 ({0})</source>
        <translation>Hide personal details ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="137"/>
        <source>개인정보 보기 ({0})</source>
        <translation>Show personal details ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="138"/>
        <source>개인정보 가리기</source>
        <translation>Hide personal details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="139"/>
        <source>개인정보 보기</source>
        <translation>Show personal details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="158"/>
        <source>열람 사유를 적어 주십시오.</source>
        <translation>Please give a reason for viewing.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/personal.py" line="198"/>
        <source>열람을 기록하지 못해 보여 드릴 수 없습니다.</source>
        <translation>The viewing could not be recorded, so the details are not shown.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="41"/>
        <source>현장에서 해결</source>
        <extracomment>The bars&apos; colour: the app&apos;s blue; overdue figures in the app&apos;s red.</extracomment>
        <translation>Resolved on site</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="41"/>
        <source>합의서 작성</source>
        <translation>Settled by agreement</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="42"/>
        <source>조사를 위해 접수</source>
        <translation>Filed for investigation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="47"/>
        <source>대시보드 저장</source>
        <translation>Save dashboard</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="48"/>
        <source>PNG 이미지 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="79"/>
        <source>해당 사건 없음</source>
        <translation>No matching cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="112"/>
        <source>대시보드</source>
        <extracomment>The board was drawn (tests wait for it).</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="119"/>
        <source>대시보드 상태</source>
        <translation>Dashboard status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="121"/>
        <source>PNG로 저장(&amp;P)</source>
        <translation>Save as &amp;PNG</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="132"/>
        <source>사건</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="132"/>
        <source>기한 초과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="133"/>
        <source>이번 주 마감</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="134"/>
        <source>전달까지 중앙값</source>
        <translation>Median time to forward</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="149"/>
        <source>방문별</source>
        <translation>By visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="149"/>
        <source>시·도별</source>
        <translation>By province</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="150"/>
        <source>민원 종류별</source>
        <translation>By kind of complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="150"/>
        <source>검토 상태별</source>
        <translation>By review state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="151"/>
        <source>현장 처리 결과별</source>
        <translation>By on-site outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="151"/>
        <source>접수 월별</source>
        <translation>By month received</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="167"/>
        <source>집계를 불러오는 중…</source>
        <translation>Loading the counts…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="174"/>
        <source>집계를 불러오지 못했습니다: {}</source>
        <translation>Could not load the counts: {}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="185"/>
        <source>(없음)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="191"/>
        <source>{}일</source>
        <translation>{} days</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="198"/>
        <source>오프라인: {} 에 받은 집계입니다</source>
        <translation>Offline: counts fetched at {}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="201"/>
        <source>사건 {}건의 집계</source>
        <translation>Counts of {} cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="213"/>
        <source>저장하지 못했습니다: {}</source>
        <translation>Could not save: {}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/dashboard.py" line="215"/>
        <source>저장했습니다: {}</source>
        <translation>Saved: {}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="227"/>
        <source>{0} · 첨부 수신 중</source>
        <extracomment>A page arrived (the first of a filter, or a further one): for the banner and total. Fetching failed: one line for the screen.</extracomment>
        <translation>{0} · files arriving</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="231"/>
        <source>{0} (기한 지남)</source>
        <translation>{0} (overdue)</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="137"/>
        <source>이 파일은 앱에서 볼 수 없습니다 ({0}).</source>
        <translation>This file cannot be shown in the app ({0}).</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="161"/>
        <source>사건 내용</source>
        <extracomment>A line for the status bar. The case file arrived and is shown (tests wait for it).</extracomment>
        <translation>Case contents</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="167"/>
        <location filename="../../fieldbus/ui/review/case_view.py" line="275"/>
        <source>목록에서 사건을 고르십시오.</source>
        <translation>Choose a case from the list.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="170"/>
        <source>사건 요약</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="176"/>
        <source>검토 단계 (단축키: Ctrl+Shift+글자)</source>
        <translation>Review steps (shortcut: Ctrl+Shift+letter)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="200"/>
        <source>사건 기록</source>
        <translation>Case record</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="206"/>
        <source>첨부와 서명 (Enter로 보기)</source>
        <translation>Attachments and signature (Enter to view)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="208"/>
        <source>첨부 파일</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="211"/>
        <location filename="../../fieldbus/ui/review/case_view.py" line="213"/>
        <source>보관된 충돌</source>
        <translation>Kept conflicts</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="216"/>
        <source>노트북 수정 채택</source>
        <translation>Take the laptop&apos;s edit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="217"/>
        <source>허브 기록 유지</source>
        <translation>Keep the hub&apos;s record</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="218"/>
        <source>필드별 병합…</source>
        <translation>Merge field by field…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="227"/>
        <location filename="../../fieldbus/ui/review/case_view.py" line="229"/>
        <source>처리 이력</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="251"/>
        <source>{0} 불러오는 중…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="283"/>
        <source>{0} · {1} · 처리 기한 {2}</source>
        <translation>{0} · {1} · deadline {2}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="286"/>
        <source> (보완 대기: {0}부터 기한 정지)</source>
        <translation> (awaiting changes: deadline paused since {0})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="289"/>
        <source> · 첨부 수신 중 {0}건</source>
        <translation> · {0} file(s) still arriving</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="291"/>
        <source> — 오프라인 사본 ({0})</source>
        <translation> — offline copy ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="298"/>
        <source>{0} ({1} KB)</source>
        <translation>{0} ({1} KB)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="301"/>
        <source>{0} — 첨부 수신 중</source>
        <translation>{0} — still arriving</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="309"/>
        <source>민원인 서명</source>
        <translation>Petitioner&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="316"/>
        <source>노트북 버전 {0} ({1}) — 허브는 버전 {2}</source>
        <translation>Laptop version {0} ({1}) — the hub has version {2}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="334"/>
        <source>(비공개: 공익신고자)</source>
        <translation>(withheld: public-interest reporter)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="340"/>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="340"/>
        <source>상담</source>
        <translation>Counsel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="342"/>
        <source>버스</source>
        <translation>Bus</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="342"/>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="343"/>
        <source>접수 일시</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="344"/>
        <source>처리 기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="345"/>
        <source>연장</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="345"/>
        <source>{0}회</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="347"/>
        <source>민원인</source>
        <translation>Petitioner</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="347"/>
        <source>연락처</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="347"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="348"/>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="348"/>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="349"/>
        <source>검토 메모</source>
        <translation>Review note</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="350"/>
        <source>처리 기관</source>
        <translation>Handling agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="351"/>
        <source>국민신문고 신청번호</source>
        <translation>e-People application no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="352"/>
        <source>처리담당자</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="354"/>
        <source>전달 일시</source>
        <translation>Forwarded at</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="355"/>
        <source>종결 일시</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="361"/>
        <source>{0} · {1} · {2} ({3})</source>
        <translation>{0} · {1} · {2} ({3})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="375"/>
        <source>첨부를 불러오는 중…</source>
        <translation>Loading the attachment…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="414"/>
        <source>{0}: {1} 완료</source>
        <translation>{0}: {1} — done</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="55"/>
        <source>내보내기</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="57"/>
        <source>현재 필터의 사건 {0}건을 파일로 내보냅니다. 내보내기는 사유와 함께 감사 기록에 남습니다.</source>
        <translation>Exports the {0} cases of the current filter to a file. The export and its reason are kept in the audit log.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="64"/>
        <source>내보내는 사유</source>
        <translation>Reason for the export</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="65"/>
        <source>사유(&amp;R) *</source>
        <translation>&amp;Reason *</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="66"/>
        <source>공익신고자의 신원 포함 (법에 따라 보호됨: 꼭 필요할 때만)</source>
        <translation>Include public-interest reporters&apos; identities (protected by law: only when truly needed)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="75"/>
        <source>파일 선택…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="76"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="83"/>
        <source>내보내는 사유를 적으십시오.</source>
        <translation>Please give a reason for the export.</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="194"/>
        <source>검색 (제목·내용·이름, 낱말 일부도)</source>
        <translation>Search (title, text, name; parts of words too)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="195"/>
        <source>검색어</source>
        <translation>Search terms</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="199"/>
        <source>검토 상태</source>
        <translation>Review state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="200"/>
        <source>모든 상태</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="205"/>
        <source>민원 종류</source>
        <translation>Kind of complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="206"/>
        <source>모든 종류</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="210"/>
        <source>버스 (B07A, …)</source>
        <translation>Bus (B07A, …)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="211"/>
        <source>버스</source>
        <translation>Bus</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="214"/>
        <location filename="../../fieldbus/ui/review/page.py" line="215"/>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="218"/>
        <source>방문</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="219"/>
        <location filename="../../fieldbus/ui/review/page.py" line="266"/>
        <source>모든 방문</source>
        <translation>All visits</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="223"/>
        <source>접수일부터</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="223"/>
        <source>접수일 처음</source>
        <translation>Any start date</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="224"/>
        <source>접수일까지</source>
        <translation>Received until</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="224"/>
        <source>접수일 끝</source>
        <translation>Any end date</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="225"/>
        <source>기한 초과만</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="227"/>
        <source>며칠 안에 마감</source>
        <translation>Due within days</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="229"/>
        <source>마감 제한 없음</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="230"/>
        <source>일 안에 마감</source>
        <translation> days to deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="231"/>
        <source>적용(&amp;F)</source>
        <translation>&amp;Filter</translation>
    </message>
</context>
<context>
    <name>HubSignIn</name>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="110"/>
        <source>허브에 관리자로 로그인</source>
        <translation>Sign in to the hub as supervisor</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="116"/>
        <source>검토 대기열은 허브에 있습니다. 허브의 관리자 계정으로 로그인하십시오. 비밀번호는 이 노트북에 저장되지 않습니다.</source>
        <translation>The review queue is on the hub. Sign in with your supervisor account on the hub. The password is not stored on this laptop.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="122"/>
        <source>허브 주소</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="125"/>
        <source>허브 사용자 이름</source>
        <translation>Hub user name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="128"/>
        <source>허브 비밀번호</source>
        <translation>Hub password</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="129"/>
        <source>허브 주소(&amp;H)</source>
        <translation>&amp;Hub address</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="130"/>
        <source>사용자 이름(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="131"/>
        <source>비밀번호(&amp;W)</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="139"/>
        <source>로그인(&amp;L)</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="143"/>
        <source>마지막으로 받은 목록 보기 (오프라인)</source>
        <translation>Show the last fetched list (offline)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="145"/>
        <source>오프라인 사본 지우기</source>
        <translation>Delete offline copies</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="146"/>
        <source>이 노트북에 남은 검토 목록 사본을 지웁니다 (7일이 지나면 저절로 지워집니다).</source>
        <translation>Deletes the copies of the review list kept on this laptop (they are deleted automatically after 7 days).</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="163"/>
        <source>사용자 이름과 비밀번호를 입력하십시오.</source>
        <translation>Enter the user name and password.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="174"/>
        <source>허브에 연결하는 중…</source>
        <translation>Connecting to the hub…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="227"/>
        <source>이동신문고 현장 접수 — Fieldbus</source>
        <extracomment>After the first screen shows, wait this long before building the work area in idle moments: the screen paints first, and the store&apos;s opening on the worker goes on.</extracomment>
        <translation>Mobile complaint bus intake — Fieldbus</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="243"/>
        <source>저장소를 여는 중…</source>
        <translation>Opening the store…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="244"/>
        <source>불러오는 중</source>
        <translation>Loading</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="248"/>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="250"/>
        <source>로그인</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="249"/>
        <source>담당자를 고르고 PIN을 입력하십시오.</source>
        <translation>Choose the officer and enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="252"/>
        <source>화면이 잠겼습니다</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="653"/>
        <source>한동안 사용하지 않아 화면을 잠갔습니다. 계속하려면 PIN을 입력하십시오.</source>
        <translation>The screen was locked after a period of no use. Enter your PIN to continue.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="253"/>
        <source>잠금 해제</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="274"/>
        <source>로그인한 담당자</source>
        <translation>Signed-in officer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="278"/>
        <source>동기화 상태</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="279"/>
        <source>동기화 현황 보기 (Ctrl+Shift+Y)</source>
        <translation>Show sync status (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="286"/>
        <source>보안 경고</source>
        <translation>Security warning</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="299"/>
        <source>화면 잠그기</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="300"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="308"/>
        <source>설정(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="309"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="312"/>
        <source>메뉴</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="314"/>
        <source>동기화(&amp;Y)…</source>
        <translation>S&amp;ync…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="315"/>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="377"/>
        <source>환영 인사</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="383"/>
        <source>작업 영역</source>
        <translation>Work area</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="384"/>
        <source>작업 탭</source>
        <translation>Work tabs</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="387"/>
        <source>오늘의 방문</source>
        <translation>Today&apos;s visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="392"/>
        <source>민원 접수</source>
        <translation>Complaint intake</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="394"/>
        <source>국선대리인 상담</source>
        <translation>Counsel sessions</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="396"/>
        <source>사건 목록</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="477"/>
        <source>개발용 설정: OS 키링 없이 PIN만으로 저장소를 보호합니다. 버스 노트북에서는 쓰지 마십시오.</source>
        <translation>Development setup: no OS keyring, the PIN alone protects the store. Not for a bus laptop.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="569"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="571"/>
        <source>{0}님, 안녕하십니까.</source>
        <translation>Welcome, {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="582"/>
        <source>PIN이 6자리보다 짧습니다. 관리자에게 알리거나 `fieldbus officer pin` 명령으로 6자리 이상의 새 PIN을 정하십시오.</source>
        <translation>Your PIN is shorter than 6 digits. Tell your supervisor, or choose a new PIN of 6 digits or more with `fieldbus officer pin`.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="596"/>
        <source>검토</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/main_window.py" line="656"/>
        <source>{0}님이 화면을 잠갔습니다. 계속하려면 PIN을 입력하십시오.</source>
        <translation>{0} locked the screen. Enter your PIN to continue.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="54"/>
        <source>필드별 병합</source>
        <extracomment>Each step&apos;s shortcut: Ctrl+Shift and a letter of its English name.</extracomment>
        <translation>Merge field by field</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="56"/>
        <source>다른 값마다 남길 쪽을 고르십시오. 고르지 않은 필드는 허브 기록대로 남습니다.</source>
        <translation>Choose the side to keep for each differing value. Fields left unchosen keep the hub&apos;s record.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="61"/>
        <source>필드</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="61"/>
        <location filename="../../fieldbus/ui/review/case_view.py" line="79"/>
        <source>허브 기록</source>
        <translation>Hub record</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="61"/>
        <location filename="../../fieldbus/ui/review/case_view.py" line="80"/>
        <source>노트북 수정</source>
        <translation>Laptop edit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="62"/>
        <source>남길 쪽</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="78"/>
        <source>{0}: 남길 쪽</source>
        <translation>{0}: side to keep</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="86"/>
        <source>병합</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_view.py" line="87"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="253"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="254"/>
        <source>담당자</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="256"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="257"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="300"/>
        <source>PIN이 맞지 않습니다. 다시 입력하십시오. 여러 번 틀리면 잠시 로그인할 수 없습니다.</source>
        <translation>Wrong PIN. Please try again. After several wrong PINs, sign-in is blocked for a while.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="318"/>
        <source>다시 입력할 수 있습니다.</source>
        <translation>You can try again now.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="322"/>
        <source>PIN을 여러 번 잘못 입력했습니다. {0}초 후에 다시 시도할 수 있습니다.</source>
        <translation>Too many wrong PINs. You can try again in {0} s.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="45"/>
        <source>검토 목록 내보내기</source>
        <translation>Export the review list</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="46"/>
        <source>Excel 통합 문서 (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="294"/>
        <source>검토</source>
        <extracomment>The desk changed: signed in, offline, or signed out (tests wait for it).</extracomment>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="321"/>
        <source>새로 고침(&amp;N)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="324"/>
        <source>내보내기(&amp;X)…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="326"/>
        <location filename="../../fieldbus/ui/review/page.py" line="471"/>
        <source>허브 로그아웃</source>
        <translation>Sign out of the hub</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="335"/>
        <source>오프라인 안내</source>
        <translation>Offline notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="354"/>
        <source>검토 대기열</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="381"/>
        <source>사건 수</source>
        <translation>Number of cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="385"/>
        <source>선택 {0}</source>
        <translation>{0} selected</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="402"/>
        <source>대기열</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="405"/>
        <source>대시보드</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="410"/>
        <source>검토 알림</source>
        <translation>Review notice</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="461"/>
        <source>오프라인 사본 {0}개를 지웠습니다.</source>
        <translation>Deleted {0} offline copies.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="469"/>
        <source>허브 관리자 {0}</source>
        <translation>Hub supervisor {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="470"/>
        <source>오프라인 — 허브에 로그인하지 않았습니다</source>
        <translation>Offline — not signed in to the hub</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="471"/>
        <source>허브에 로그인</source>
        <translation>Sign in to the hub</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="532"/>
        <source>{0}건 이상</source>
        <translation>{0}+ cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="533"/>
        <source>{0}건</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="534"/>
        <source>{0} 중 {1}건 표시</source>
        <translation>{1} of {0} shown</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="537"/>
        <source>오프라인: 허브에 연결할 수 없어 {0}에 받은 목록을 보여 줍니다. 검토 단계는 허브에 연결된 뒤에 할 수 있습니다.</source>
        <translation>Offline: the hub cannot be reached, so this is the list fetched at {0}. Review steps can be taken once the hub is connected.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="562"/>
        <source>사건을 하나 이상 고르십시오.</source>
        <translation>Choose one or more cases.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="565"/>
        <source>오프라인에서는 검토 단계를 할 수 없습니다.</source>
        <translation>Review steps cannot be taken offline.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="571"/>
        <source>{0}건 처리 중…</source>
        <translation>Processing {0} cases…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="576"/>
        <source>{0}건 완료</source>
        <translation>{0} done</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="578"/>
        <source>, {0}건 거절: </source>
        <translation>, {0} refused: </translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="597"/>
        <source>내보내는 중…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/page.py" line="600"/>
        <source>{0}건을 내보냈습니다: {1}</source>
        <translation>Exported {0} cases: {1}</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="97"/>
        <source>Fieldbus 처음 설정</source>
        <extracomment>The first officer&apos;s role at setup. Only a supervisor adds officers (docs/security.md §3) and nobody else can add one later on this laptop: whoever sets it up must be one, unless the laptop is for that one person alone.</extracomment>
        <translation>Fieldbus first-time setup</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="99"/>
        <source>이 노트북에서 처음 사용합니다. 담당자와 기기 코드를 등록하고 PIN을 정하십시오. 자료는 암호화되어 다음 폴더에 저장됩니다: {0}</source>
        <translation>First use on this laptop. Register the officer and the device code, and choose a PIN. Data is stored encrypted in this folder: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="107"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="135"/>
        <source>담당자 이름</source>
        <translation>Officer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="110"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="136"/>
        <source>기기 코드</source>
        <translation>Device code</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="111"/>
        <source>예: B07A</source>
        <translation>e.g. B07A</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="114"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="137"/>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="120"/>
        <source>역할 안내</source>
        <translation>Role note</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="124"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="138"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="125"/>
        <source>숫자 6~12자리</source>
        <translation>6 to 12 digits</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="126"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="139"/>
        <source>PIN 확인</source>
        <translation>Confirm PIN</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="151"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="152"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="231"/>
        <source>저장소 만들기</source>
        <translation>Create store</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="160"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="161"/>
        <source>교육용으로 시작</source>
        <translation>Start in training mode</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="162"/>
        <source>연습용 사건이 들어 있는 교육용 저장소를 따로 만듭니다. 실제 민원은 받지 마십시오.</source>
        <translation>Creates a separate training store filled with practice cases. Do not take real complaints in it.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="175"/>
        <source>처음 설정하는 사람은 관리자로 등록합니다. 관리자만 이 노트북에 다른 담당자를 추가할 수 있습니다.</source>
        <translation>Whoever sets up the laptop is registered as supervisor: only a supervisor can add other officers to this laptop.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="179"/>
        <source>이 역할로는 다른 담당자를 추가할 수 없어, 이 노트북에는 담당자를 추가할 사람이 없게 됩니다. 혼자 쓰는 노트북만 이렇게 설정하십시오.</source>
        <translation>With this role you cannot add other officers, so nobody will be able to add one to this laptop. Choose it only for a laptop one person uses alone.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="189"/>
        <source>두 PIN이 다릅니다.</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="205"/>
        <source>교육용 저장소 만들기</source>
        <translation>Create training store</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="206"/>
        <source>연습용 사건이 들어 있는 교육용 저장소를 만듭니다. 실제 민원은 받지 마십시오. 폴더: {0}</source>
        <translation>Creates a training store filled with practice cases. Do not take real complaints in it. Folder: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="231"/>
        <source>만드는 중…</source>
        <translation>Creating…</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="33"/>
        <source>{0} — 선택한 {1}건</source>
        <extracomment>Steps whose note the workflow requires.</extracomment>
        <translation>{0} — {1} selected cases</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="39"/>
        <source>사유 또는 메모</source>
        <translation>Reason or note</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="40"/>
        <source>필수</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="41"/>
        <source>선택</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="45"/>
        <source>처리 기관</source>
        <translation>Handling agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="49"/>
        <source>국민신문고 신청번호</source>
        <translation>e-People application no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="53"/>
        <source>새 처리 기한</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="54"/>
        <source>민원인이 두 번째 연장에 동의함</source>
        <translation>The petitioner agrees to a second extension</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="58"/>
        <source>회신일</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="62"/>
        <source>연장 사유</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="62"/>
        <source>처리 결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="63"/>
        <source>이송 사유</source>
        <translation>Reason for the transfer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="63"/>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="65"/>
        <source>처리 기관(&amp;A)</source>
        <translation>Handling &amp;agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="67"/>
        <source>신청번호(&amp;E)</source>
        <translation>&amp;e-People no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="69"/>
        <source>새 기한(&amp;D)</source>
        <translation>New &amp;deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="73"/>
        <source>소속(&amp;O)</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="73"/>
        <source>처리담당자 소속</source>
        <translation>Handler&apos;s organisation</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="74"/>
        <source>성명(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="74"/>
        <source>처리담당자 성명</source>
        <translation>Handler&apos;s name</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="75"/>
        <source>연락처(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="75"/>
        <source>처리담당자 연락처</source>
        <translation>Handler&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="79"/>
        <source>회신일(&amp;R)</source>
        <translation>Answe&amp;red on</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="90"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="99"/>
        <source>사유를 적으십시오.</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="101"/>
        <source>메모는 {0}자 이내로 적으십시오.</source>
        <translation>Keep the note to {0} characters or fewer.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="103"/>
        <source>처리 기관을 적으십시오.</source>
        <translation>Enter the handling agency.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/step_dialog.py" line="105"/>
        <source>담당자의 소속·성명·연락처를 모두 적으십시오.</source>
        <translation>Enter the handler&apos;s organisation, name and phone.</translation>
    </message>
</context>
<context>
    <name>StoreErrorPage</name>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="361"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="362"/>
        <source>다시 시도</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="364"/>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="365"/>
        <source>끝내기</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="369"/>
        <source>오류</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="369"/>
        <source>해결 방법</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="370"/>
        <source>저장소 위치</source>
        <translation>Store location</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="371"/>
        <source>자세한 내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="378"/>
        <source>저장소 폴더: {0}</source>
        <translation>Store folder: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/shell/sign_in.py" line="380"/>
        <source>기술 정보 ({0}): {1}</source>
        <translation>Technical details ({0}): {1}</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="94"/>
        <source>방문 상태</source>
        <extracomment>Asked before closing a visit; tests replace it.</extracomment>
        <translation>Visit status</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="118"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="119"/>
        <source>방문 시작하기</source>
        <translation>Start a visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="122"/>
        <source>예: 청송군청 앞 광장</source>
        <translation>e.g. Square in front of Cheongsong County Office</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="124"/>
        <source>예: 경상북도 청송군</source>
        <translation>e.g. Cheongsong-gun, Gyeongsangbuk-do</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="129"/>
        <source>쉼표로 구분: 김민수, 이영희</source>
        <translation>Comma-separated: Kim Minsu, Lee Younghee</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="131"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="168"/>
        <source>장소</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="132"/>
        <source>지역(시·군·구)</source>
        <translation>Region (city/county/district)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="133"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="168"/>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="134"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="169"/>
        <source>팀원</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="139"/>
        <source>{0} 오류</source>
        <translation>{0} error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="150"/>
        <source>방문 시작 오류</source>
        <translation>Visit start error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="154"/>
        <source>방문 시작</source>
        <translation>Start visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="164"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="165"/>
        <source>진행 중인 방문</source>
        <translation>Visit in progress</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="169"/>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="170"/>
        <source>시작</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="179"/>
        <source>방문 마치기 오류</source>
        <translation>Visit close error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="182"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="361"/>
        <source>방문 마치기</source>
        <translation>Close visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="106"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="189"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="190"/>
        <source>오늘의 현황</source>
        <translation>Today&apos;s figures</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="196"/>
        <source>접수한 민원</source>
        <translation>Complaints taken</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="196"/>
        <source>국선대리인 상담</source>
        <translation>Counsel sessions</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="197"/>
        <source>접수증 발급</source>
        <translation>Receipts issued</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="197"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="229"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="230"/>
        <source>동기화 대기</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="198"/>
        <source>확인 필요</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="207"/>
        <source>종류별</source>
        <translation>By kind</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="208"/>
        <source>현장 처리별</source>
        <translation>By on-site outcome</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="222"/>
        <source>집계 범위</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="257"/>
        <source>현황을 불러오지 못했습니다: {0}</source>
        <translation>Could not load the figures: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="278"/>
        <source>(없음)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="279"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="286"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="287"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="288"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="291"/>
        <location filename="../../fieldbus/ui/visit/page.py" line="292"/>
        <source>{0}건</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="289"/>
        <source>상담 확인서 {0}건, 재발행·보관용을 포함한 인쇄 {1}장</source>
        <translation>{0} counsel confirmations; {1} pages printed including reprints and office copies</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="299"/>
        <source>이번 방문({0})에서 접수한 것</source>
        <translation>Taken during this visit ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="301"/>
        <source>{0}에 접수한 것 (열린 방문 없음)</source>
        <translation>Taken on {0} (no visit open)</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="362"/>
        <source>{0} 방문을 마칠까요? 이후 접수하는 민원은 이 방문에 묶이지 않습니다.</source>
        <translation>Close the visit at {0}? Complaints taken afterwards will not belong to this visit.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="391"/>
        <source>열린 방문이 없습니다.</source>
        <translation>No visit is open.</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="35"/>
        <source>동기화 대기 안내</source>
        <translation>Waiting list note</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="38"/>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="38"/>
        <source>번호</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="38"/>
        <source>버전</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="38"/>
        <source>대기 시작</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="39"/>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="39"/>
        <source>시도</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="39"/>
        <source>마지막 오류</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="40"/>
        <source>동기화 대기 목록</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="52"/>
        <source>민원</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="52"/>
        <source>국선대리인 상담</source>
        <translation>Counsel session</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="53"/>
        <source>방문</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="54"/>
        <source>대기</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="54"/>
        <source>확인 필요</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="67"/>
        <source>아래 목록은 앞의 {0}건입니다.</source>
        <translation>The list below shows the first {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="78"/>
        <source>동기화 대기 {0}건.</source>
        <translation>{0} waiting to sync.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="79"/>
        <source>기다리는 것이 없습니다.</source>
        <translation>Nothing is waiting.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="81"/>
        <source>교육용 저장소의 기록 {0}건은 허브로 보내지 않습니다.</source>
        <translation>The {0} records of a training store are never sent to the hub.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="82"/>
        <source>교육용 저장소는 허브로 보내지 않습니다.</source>
        <translation>A training store is never sent to the hub.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="85"/>
        <source>이 노트북은 허브에 등록되지 않아 동기화하지 않습니다. 보낼 기록은 없습니다.</source>
        <translation>This laptop is not enrolled with a hub, so it does not sync. There is nothing to send.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="87"/>
        <source>이 노트북은 허브에 등록되지 않아 기록 {0}건을 보내지 못했습니다. 모두 이 노트북에 안전하게 남아 있으며, 관리자가 `fieldbus enrol`로 등록하면 보냅니다.</source>
        <translation>This laptop is not enrolled with a hub, so {0} records have not been sent. They all stay safely on this laptop and are sent once an administrator enrols it with `fieldbus enrol`.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="91"/>
        <source>허브가 이 노트북을 받지 않아 기록 {0}건을 보내지 못했습니다. 기록은 이 노트북에 남아 있습니다. 관리자에게 다시 등록을 요청하십시오.</source>
        <translation>The hub does not accept this laptop, so {0} records have not been sent. They stay on this laptop. Ask an administrator to enrol it again.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="95"/>
        <source>모두 동기화되었습니다. 기다리는 것이 없습니다.</source>
        <translation>Everything is synced. Nothing is waiting.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="96"/>
        <source>동기화 대기 {0}건. 연결되면 자동으로 보냅니다.</source>
        <translation>{0} waiting to sync. They are sent automatically when connected.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/widgets/waiting_list.py" line="70"/>
        <source>&apos;확인 필요&apos; {0}건은 허브가 받지 않은 것입니다: 마지막 오류를 보고 고치거나 관리자에게 알리십시오.</source>
        <translation>The hub did not accept {0} marked &apos;Needs attention&apos;: read the last error and fix them, or tell an administrator.</translation>
    </message>
</context>
<context>
    <name>agency</name>
    <message>
        <location filename="../../fieldbus/ui/widgets/agency_picker.py" line="24"/>
        <source>기관 이름 일부를 입력하면 찾아 줍니다</source>
        <translation>Type part of an agency name to find it</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="76"/>
        <source>오늘에서 1년 넘게 떨어진 날짜는 쓸 수 없습니다.</source>
        <translation>Dates more than a year from today cannot be used.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/visit/page.py" line="78"/>
        <source>이미 열린 방문이 있습니다. 먼저 마치십시오.</source>
        <translation>A visit is already open. Close it first.</translation>
    </message>
</context>
<context>
    <name>receipt_delivery</name>
    <message>
        <location filename="../../fieldbus/ui/printing/receipt_delivery.py" line="43"/>
        <source>접수증을 PDF로 저장</source>
        <translation>Save the receipt as PDF</translation>
    </message>
</context>
<context>
    <name>review_actions</name>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="70"/>
        <source>보완 요청</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="71"/>
        <source>승인</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="72"/>
        <source>반려</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="73"/>
        <source>기관 전달</source>
        <translation>Forward to agency</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="74"/>
        <source>기한 연장</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="75"/>
        <source>이송</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="76"/>
        <source>담당자 지정</source>
        <translation>Assign handler</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="77"/>
        <source>종결</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="78"/>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="79"/>
        <source>현장 수정</source>
        <translation>Corrected on site</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="80"/>
        <source>보완 제출</source>
        <translation>Changes submitted</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="81"/>
        <source>충돌 보관</source>
        <translation>Conflict kept</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="82"/>
        <source>충돌 해결</source>
        <translation>Conflict settled</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="83"/>
        <source>국민신문고 등록</source>
        <translation>Registered with e-People</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/case_words.py" line="84"/>
        <source>국민신문고 상태</source>
        <translation>e-People status</translation>
    </message>
</context>
<context>
    <name>review_queue</name>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="43"/>
        <source>접수번호</source>
        <extracomment>The receipt number of a row (``data(index, RECEIPT_ROLE)``).</extracomment>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="43"/>
        <source>검토 상태</source>
        <translation>Review state</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="44"/>
        <source>처리 기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="44"/>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="45"/>
        <source>버스</source>
        <translation>Bus</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="45"/>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="46"/>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldbus/ui/review/queue_model.py" line="46"/>
        <source>접수 일시</source>
        <translation>Received</translation>
    </message>
</context>
</TS>
