"""Every UI string, in Simplified Chinese."""

APP_TITLE = "客户管理师实训平台"
APP_ICON = "🎓"
TAGLINE = "课程学习 · 题库练习 · 模拟考试 · 情景演练"

ROLE_LABELS = {"trainee": "学员", "instructor": "教师", "admin": "管理员"}

# Navigation
NAV_HOME = "首页"
NAV_LEARN = "课程学习"
NAV_PRACTICE = "练习"
NAV_EXAM = "模拟考试"
NAV_SCENARIO = "情景演练"
NAV_PROGRESS = "我的进度"
NAV_INSTRUCTOR = "教师"
NAV_ADMIN = "管理"
NAV_GROUP_STUDY = "学习"
NAV_GROUP_TEACH = "教学"

# Sign-in
SIGN_IN = "登录"
SIGN_OUT = "退出登录"
USERNAME = "用户名"
PASSWORD = "密码"
DISPLAY_NAME = "姓名"
SIGNED_IN_AS = "当前用户\uff1a{name}\uff08{role}\uff09"
DEMO_BADGE = "演示账号"
DEMO_HINT = "演示账号（仅供体验，请勿用于正式教学）：{accounts}，密码均为 {password}"
SETUP_TITLE = "首次使用：创建管理员账号"
SETUP_INTRO = "系统中还没有管理员。请先创建一个管理员账号，之后可在“管理”页添加教师和学员。"
SETUP_SUBMIT = "创建管理员并登录"
SESSION_EXPIRED = "登录已超时，请重新登录。"
FILL_BOTH = "请填写用户名和密码"
SSO_SIGN_IN = "使用单位账号登录"
ADMIN_SET_ROLE = "修改角色"
ADMIN_ROLE_SET = "已将 {username} 设为{role}"
SSO_OR_PASSWORD = "或使用本平台账号和密码登录："

# Home
HOME_WELCOME = "你好，{name}\uff01"
HOME_RESUME = "继续阅读：{title}"
HOME_START = "从第一章开始学习"
HOME_TASKS = "你有 {n} 项任务未完成（其中 {late} 项已逾期）{next_due}"
HOME_TASKS_DUE = "，最近的截止时间：{due}"
HOME_CARDS = {
    "learn": ("课程学习", "按模块阅读教程章节，读完一节做几道小题巩固。"),
    "practice": ("练习", "按知识点或模块刷题，答完立即看解析。"),
    "exam": ("模拟考试", "按考试蓝图抽题、限时作答、交卷评分。"),
    "scenario": ("情景演练", "扮演客服回应投诉与危机，规则引擎逐条解释得分。"),
}
HOME_STATS = "课程包含 {chapters} 章 {sections} 节、{questions} 道题、{scenarios} 个演练情景。"
HOME_PROBLEMS = "有 {n} 个内容问题，已跳过出错的文件，其余内容照常提供。管理员可在“管理”页查看详情。"
METRIC_READ = "已读小节"
METRIC_ANSWERED = "已答题数"
METRIC_ACCURACY = "正确率"
METRIC_EXAMS = "模拟考试"
METRIC_RUNS = "完成演练"

# Learn
LEARN_MODULE = "模块"
LEARN_CHAPTER = "章节"
LEARN_SECTION = "小节"
LEARN_NO_CONTENT = "这个模块的章节正在编写中，请先学习其他模块。"
LEARN_READING_TIME = "约 {minutes} 分钟 · 知识点：{points}"
LEARN_MARK_DONE = "标记为已读"
LEARN_WORKED_ANSWER = "参考思路（先自己想一想，再展开对照）"
LEARN_DONE = "已读"
LEARN_CHECK = "本节练习"
LEARN_CHECK_EMPTY = "本节暂时没有练习题。"
LEARN_RELATED_SCENARIOS = "相关情景演练：{titles}"
LEARN_PREV = "← 上一节"
LEARN_NEXT = "下一节 →"

# Questions
TYPE_LABELS = {
    "single": "单选题",
    "multiple": "多选题",
    "judge": "判断题",
    "fill": "填空题",
    "short": "简答题",
    "case": "案例分析题",
    "skill": "专业能力题",
}
JUDGE_TRUE = "正确"
JUDGE_FALSE = "错误"
FILL_BLANK = "第 {n} 空"
SHORT_PLACEHOLDER = "在这里写下你的回答"
SUBMIT_ANSWER = "提交答案"
RESULT_CORRECT = "回答正确"
RESULT_PARTIAL = "部分正确"
RESULT_WRONG = "回答错误"
RESULT_REVIEW = "已提交，待教师评分"
CORRECT_ANSWER = "参考答案：{answer}"
EXPLANATION = "解析"
REREAD = "重读：{title}"
NEXT_QUESTION = "下一题"

# Practice
PRACTICE_MODE = "练习方式"
PRACTICE_MODES = {
    "sequential": "顺序练习",
    "random": "随机练习",
    "memorize": "背题模式",
    "wrong": "错题本",
    "favorite": "收藏",
    "review": "智能复习",
}
PRACTICE_SCOPE = "练习范围"
PRACTICE_SCOPES = {"all": "全部题目", "module": "按模块", "chapter": "按章节", "point": "按知识点"}
PRACTICE_POINT = "知识点"
PRACTICE_PROGRESS = "第 {n} / {total} 题"
PRACTICE_EMPTY = {
    "sequential": "这个范围内还没有题目。",
    "random": "这个范围内还没有题目。",
    "memorize": "这个范围内还没有题目。",
    "wrong": "错题本是空的。答错的题会自动收进来，连续答对 3 次后移出。",
    "favorite": "还没有收藏的题目。做题时点“收藏”即可加入。",
    "review": "现在没有需要复习的题目。{next}",
}
PRACTICE_NEXT_REVIEW = "下一次复习时间：{when}"
PRACTICE_RESTART = "从头再来"
PRACTICE_FINISHED = "本组题目已经做完：答对 {correct} / {answered}。"
PRACTICE_CARD = "答题卡"
PRACTICE_PREV = "上一题"
PRACTICE_FAVORITE = "收藏"
PRACTICE_UNFAVORITE = "取消收藏"
PRACTICE_EXAM_DATE = "我的考试日期（复习会安排在考前完成）"
PRACTICE_DUE = "待复习 {n} 题"
PRACTICE_SECONDS = "用时 {seconds:.0f} 秒"

# Exam
EXAM_CHOOSE = "选择考试"
EXAM_RULES = (
    "共 {count} 题，满分 {total:g} 分，{pass_mark:g} 分及格，限时 {minutes} 分钟。"
    "计时在服务器上进行，关闭页面不会暂停计时；答案每改一次就自动保存。"
)
EXAM_START = "开始考试"
EXAM_RESUME = "你有一场未交卷的考试，已为你恢复。"
EXAM_TIME_LEFT = "剩余时间：{minutes} 分 {seconds:02d} 秒"
EXAM_TIME_UP = "考试时间已到，已按保存的答案自动交卷。"
EXAM_SUBMIT = "交卷"
EXAM_CONFIRM = "确认交卷（还有 {n} 题未作答）"
EXAM_SAVED = "已自动保存"
EXAM_SCORE = "得分：{score:g} / {total:g}"
EXAM_PASSED = "通过"
EXAM_FAILED = "未通过"
EXAM_BY_MODULE = "各模块得分"
EXAM_REVIEW = "答题回顾"
EXAM_HISTORY = "考试记录"
EXAM_NEW = "再考一次"
EXAM_CANNOT_DRAW = "无法组卷：{reason}"
EXAM_NONE = "还没有可用的考试蓝图。"
EXAM_YOUR_ANSWER = "你的答案：{answer}"
EXAM_UNANSWERED = "未作答"

# Scenario
SCENARIO_CHOOSE = "选择情景"
SCENARIO_KIND = {"complaint": "投诉处理", "crisis": "危机处理"}
SCENARIO_BRIEF = "情景说明"
SCENARIO_ROLES = "角色"
SCENARIO_START = "开始演练"
SCENARIO_RESUME = "继续上次的演练"
SCENARIO_RESTART = "重新开始"
SCENARIO_EMOTION = "客户情绪"
SCENARIO_HINTS = "显示提示"
SCENARIO_HINT = "提示：{hint}"
SCENARIO_YOUR_REPLY = "你的回应"
SCENARIO_SEND = "发送"
SCENARIO_CHOICE = "选择你的回应"
SCENARIO_REPORT = "演练报告"
SCENARIO_TOTAL = "总分"
SCENARIO_ENDING = "结局：{title}"
SCENARIO_FIRED = "得分与扣分依据"
SCENARIO_MISSED = "错过的机会"
SCENARIO_TURN = "第 {n} 轮"
SCENARIO_END_CHECK = "全程检查"
SCENARIO_WORDS = "依据：{words}"
SCENARIO_MODEL = "参考回应"
SCENARIO_REREAD = "建议复习"
SCENARIO_NONE = "还没有可用的情景。"
SCENARIO_HISTORY = "我的演练记录"

# Progress
PROGRESS_BY_MODULE = "各模块正确率"
PROGRESS_BY_POINT = "各知识点掌握情况"
PROGRESS_OVER_TIME = "每日答题与正确率"
PROGRESS_TIME_PER_TYPE = "各题型平均用时（秒，中位数）"
PROGRESS_DAY = "日期"
PROGRESS_SECONDS = "秒"
PROGRESS_TYPE = "题型"
PROGRESS_READING = "阅读进度"
PROGRESS_NO_ANSWERS = "还没有答题记录。去“练习”做几道题吧。"
PROGRESS_EXAMS = "模拟考试成绩"
PROGRESS_RUNS = "情景演练成绩"

# Instructor
INSTRUCTOR_TRAINEES = "学员概况"
INSTRUCTOR_NONE = "还没有学员账号。"
INSTRUCTOR_COLUMNS = {
    "name": "姓名",
    "username": "用户名",
    "read": "已读小节",
    "answered": "答题数",
    "accuracy": "正确率",
    "best_exam": "最高考试分",
    "runs": "完成演练",
}
INSTRUCTOR_DETAIL = "查看学员"
INSTRUCTOR_POINTS = "知识点掌握情况"
INSTRUCTOR_ITEMS = "题目统计（难度与区分度）"
INSTRUCTOR_ITEMS_HELP = "难度 = 首次作答答对的比例；区分度 = 该题得分与学员其余题目正确率的相关系数（至少 5 人作答才计算）。难度低于 0.2 或高于 0.95、区分度低于 0.2 的题目值得复查。"
INSTRUCTOR_ITEM_COLUMNS = {
    "point": "知识点",
    "type": "题型",
    "stem": "题干",
    "n": "作答人数",
    "facility": "难度",
    "discrimination": "区分度",
    "flag": "提示",
}
INSTRUCTOR_FLAG_HARD = "偏难"
INSTRUCTOR_FLAG_EASY = "偏易"
INSTRUCTOR_FLAG_WEAK = "区分度低"

# Admin
ADMIN_CONTENT = "内容检查"
ADMIN_CONTENT_OK = "全部 {files} 个内容文件检查通过。"
ADMIN_CONTENT_BAD = "发现 {n} 个问题（出错的文件已跳过，其余内容照常提供）："
ADMIN_COVERAGE = "知识点覆盖"
ADMIN_USERS = "账号管理"
ADMIN_CREATE = "新建账号"
ADMIN_ROLE = "角色"
ADMIN_CREATED = "已创建账号 {username}"
ADMIN_COVERAGE_COLUMNS = {
    "module": "模块",
    "point": "知识点",
    "sections": "小节",
    "questions": "题目",
    "scenarios": "情景",
}

# Errors
FORBIDDEN = "你没有权限访问这个页面。"
GENERIC_ERROR = "出了点问题：{error}"
RESULT_WITH_MESSAGE = "{label}\uff1a{message}"
LIST_SEPARATOR = "\uff1b"
SCENARIO_ROLES_LINE = "角色\uff1a{roles}"
SCENARIO_EMOTION_LINE = "客户情绪\uff1a{value:.0f} / 100"
EXAM_EXPLANATION_LINE = "解析\uff1a{text}"
EXAM_COL_TIME = "时间"
EXAM_COL_SCORE = "得分"
EXAM_COL_RESULT = "结果"
EXAM_ITEM = "{n}.\uff08{score:g} 分\uff09"
EXAM_ANSWERED = "已作答 {done} / {total} 题"
LEARN_SEARCH = "搜索课程"
LEARN_SEARCH_PLACEHOLDER = "输入关键词，例如：潜在产品、5S 原则"
LEARN_SEARCH_NONE = "没有找到相关小节，换个关键词试试。"
LEARN_GLOSSARY = "术语表"
LEARN_GLOSSARY_FILTER = "筛选术语"
LEARN_OPEN = "打开：{title}"
LEARN_PRACTICE_POINTS = "练习本节知识点"
SCENARIO_TIMELINE = "对话时间线"
SCENARIO_TURN_AT = "第 {n} 轮 · 第 {minutes:g} 分钟"
SCENARIO_CONCEPTS = "识别到：{concepts}"
SCENARIO_REVIEW_QUEUED = "已把相关知识点的题目加入你的“智能复习”。"
LEARN_TERM = "术语"
LEARN_TERM_ENGLISH = "英文"
LEARN_TERM_DEFINITION = "释义"
LEARN_TERM_PICK = "查看讲授该术语的小节"

# Classes, tasks and classroom activities
NAV_TASKS = "我的任务"
NAV_CLASSROOM = "课堂"
NAV_CLASSES = "班级管理"
NAV_ACTIVITIES = "课堂活动"
ATTEMPTS_LEFT = "本任务剩余次数：{n}"
KIND_LABELS = {
    "chapter": "阅读章节",
    "practice": "章节练习",
    "exam": "模拟考试",
    "scenario": "情景演练",
    "report": "小组报告",
}
STATUS_LABELS = {"todo": "未开始", "doing": "进行中", "done": "已完成", "late": "已逾期"}
STATUS_ICONS = {"todo": "○", "doing": "◐", "done": "●", "late": "◆"}  # shapes any font has, next to the words
JOIN_CLASS = "加入班级"
JOIN_CODE = "班级码"
JOIN_SUBMIT = "加入"
JOINED = "已加入班级：{name}"
MY_CLASSES = "我的班级：{names}"
NO_CLASS = "你还没有加入任何班级。向老师要班级码，在上方加入。"
NO_TASKS = "老师还没有布置任务。"
TASK_LINE = "{icon} **{title}** · {kind} · {status}"
TASK_DUE = "截止：{due}"
TASK_NO_DUE = "无截止时间"
TASK_PROGRESS = "完成 {done}/{needed}"
TASK_BEST = "最好成绩 {best:g} 分"
TASK_GO = "去完成"
PICK_CLASS = "班级"
CLASS_NONE_INSTRUCTOR = "你还没有班级，先在下面创建一个。"
CLASS_CREATE = "创建班级"
CLASS_NAME = "班级名称"
CLASS_CREATED = "已创建班级“{name}”，班级码 {code}"
CLASS_CODE = "班级码：**{code}**（学员在“我的任务”页输入即可加入）"
ROSTER = "学员名单"
ROSTER_IMPORT = "导入名单（CSV 或 Excel）"
ROSTER_HELP = "第 1 行为表头，须含“用户名”“姓名”两列，可选“初始密码”列；没有账号的学员会自动创建。"
ROSTER_CREATED = "新建账号 {n} 个（请把初始密码告知学员）"
ROSTER_ADDED = "加入已有账号 {n} 个"
ROSTER_ALREADY = "已在班中 {n} 人"
ROSTER_ERRORS = "{n} 行未导入："
ROSTER_EMPTY = "班级里还没有学员。"
ROSTER_REMOVE = "移出班级"
ASSIGN = "布置任务"
ASSIGN_KIND = "类型"
ASSIGN_TARGET = "内容"
ASSIGN_DUE = "截止日期"
ASSIGN_NO_DUE = "不设截止日期"
ASSIGN_ATTEMPTS = "次数上限（0 为不限）"
ASSIGN_GOAL = "练习题数"
ASSIGN_SUBMIT = "布置"
ASSIGNED = "已布置：{title}"
ASSIGN_LIST = "已布置的任务"
ASSIGN_NONE = "还没有布置任务。"
ASSIGN_DELETE = "删除任务"
ASSIGN_COLUMNS = {"title": "任务", "kind": "类型", "due": "截止", "attempts": "次数上限", "done": "已完成人数"}
GROUPS = "分组"
GROUP_SIZE = "每组人数"
GROUP_SEED = "随机种子（相同种子分组相同）"
GROUP_RANDOM = "随机分组"
GROUP_FORMED = "已分成 {n} 组"
GROUP_NEW = "新建小组"
GROUP_NAME = "组名"
GROUP_MOVE = "调整成员"
GROUP_TRAINEE = "学员"
GROUP_TARGET = "移入小组"
GROUP_MOVE_SUBMIT = "移入"
GROUP_LEADER = "设为组长"
GROUP_NONE = "还没有分组。"
GROUP_LINE = "**{name}**（{n} 人）：{members}"
LEADER_MARK = "（组长）"
MY_GROUP = "我的小组"
MY_GROUP_NONE = "老师还没有给你分组。"
LIVE = "课堂测验"
LIVE_CREATE = "新建课堂测验"
LIVE_TITLE = "测验名称"
LIVE_CHAPTER = "出题范围（章节）"
LIVE_COUNT = "题数"
LIVE_CREATED = "测验已创建，测验码 {code}"
LIVE_PICK = "选择测验"
LIVE_CODE = "测验码：**{code}** · 已加入 {joined} 人"
LIVE_LOBBY = "等待开始：学员输入测验码加入后，点击“下一题”推送第一题。"
LIVE_QUESTION = "第 {n} / {total} 题"
LIVE_ANSWERED = "已作答 {n} / {joined} 人"
LIVE_NEXT = "下一题"
LIVE_END = "结束测验"
LIVE_FINISHED = "测验已结束。"
LIVE_JOIN = "输入测验码加入"
LIVE_JOIN_SUBMIT = "加入测验"
LIVE_WAIT = "已加入，等待老师推送题目……"
LIVE_SUBMIT = "提交答案"
LIVE_ACCEPTED_RIGHT = "回答正确，得 {points} 分！"
LIVE_ACCEPTED_WRONG = "回答错误，本题 0 分。"
LIVE_REPEAT = "这道题你已经答过了。"
LIVE_CLOSED = "这道题已经结束，请看下一题。"
LIVE_INVALID = "答案格式不对，请重新选择。"
LIVE_DONE_WAIT = "已提交，等待下一题……"
LIVE_BOARD = "个人排行"
LIVE_TEAM_BOARD = "小组排行（组员平均分）"
LIVE_BOARD_COLUMNS = {
    "rank": "名次",
    "name": "姓名",
    "team": "小组",
    "points": "得分",
    "correct": "答对",
    "answered": "作答",
}
LIVE_NONE = "还没有课堂测验。"
ROLEPLAY = "小组情景演练"
ROLEPLAY_START = "开始一次小组演练"
ROLEPLAY_GROUP = "小组"
ROLEPLAY_SCENARIO = "情景"
ROLEPLAY_CUSTOMER = "扮演顾客"
ROLEPLAY_AGENT = "扮演客服"
ROLEPLAY_STARTED = "已开始：{group} · {scenario}"
ROLEPLAY_NONE = "还没有小组演练。"
ROLEPLAY_COLUMNS = {
    "group": "小组",
    "scenario": "情景",
    "customer": "顾客",
    "agent": "客服",
    "engine": "引擎评分",
    "observers": "观察员评分",
    "n": "观察员人数",
    "combined": "综合得分",
}
ROLEPLAY_COMBINED_HELP = "综合得分 = 引擎评分 × 60% + 观察员平均 × 40%（无人评分时只看引擎评分）。"
ROLEPLAY_MY_ROLE = "你的角色：{role}"
ROLE_NAMES = {"customer": "顾客", "agent": "客服", "observer": "观察员"}
ROLEPLAY_BRIEF = "顾客剧本（只有你能看到）"
ROLEPLAY_BRIEF_INTRO = "你扮演：{who}。背景：{summary}"
ROLEPLAY_BRIEF_TIPS = (
    "表演要点：按下面的台词开口，语气可以更生动；客服共情、道歉到位时情绪慢慢平复，推诿、打官腔时更加不满。"
)
ROLEPLAY_SAY_NOW = "现在请你说"
ROLEPLAY_AGENT_HELP = "顾客会当面把台词说给你听；把你的回答输入下面，规则引擎逐条评分。"
ROLEPLAY_WAIT_AGENT = "等待客服作答……"
ROLEPLAY_FINISHED = "演练已结束。"
ROLEPLAY_SCORE = "按评分维度打分（1 分最差，5 分最好）"
ROLEPLAY_COMMENT = "评语（可选）"
ROLEPLAY_SCORE_SUBMIT = "提交评分"
ROLEPLAY_SCORED = "评分已保存，可随时修改。"
ROLEPLAY_RESULT = "引擎 {engine} · 观察员 {observers} · 综合 {combined}"
REPORTS = "小组报告"
REPORT_NONE = "没有小组报告任务。"
REPORT_TASK = "任务说明：{task}"
REPORT_RUBRIC = "评分标准（开头、正文、结尾）"
REPORT_TEXT = "报告正文（也可上传 .docx）"
REPORT_FILE = "上传 Word 文件（.docx）"
REPORT_SUBMIT = "提交报告"
REPORT_SUBMITTED = "报告已提交（约 {hanzi} 字）。"
REPORT_ONLY_LEADER = "小组报告由组长统稿后提交。"
REPORT_CURRENT = "当前提交：约 {hanzi} 字 · 自动检查建议 {auto:g} / 100 分"
REPORT_SCORE = "教师评分：{score:g} / 100"
REPORT_PENDING = "教师尚未评分。"
REPORT_FEEDBACK = "教师评语：{text}"
REPORT_SHORT = "报告不足 {n} 字，建议补充调查资料与分析。"
REPORT_CHECK_COLUMNS = {
    "part": "部分",
    "criterion": "评分项",
    "max": "满分",
    "auto": "自动建议",
    "reason": "依据",
    "score": "教师评分",
}
REPORT_MARK = "评分"
REPORT_FEEDBACK_INPUT = "评语"
REPORT_MARK_SUBMIT = "保存评分"
REPORT_MARKED = "已保存：{score:g} 分"
REPORT_NOT_SUBMITTED = "未提交"
REPORT_SHOW_TEXT = "查看全文"
DASH_CLASS_PROGRESS = "任务完成情况"
DASH_HEATMAP = "知识掌握热力图（各模块正确率）"
DASH_DISTRIBUTION = "模拟考试成绩分布"
DASH_RUBRIC = "情景演练各维度平均得分"
DASH_AT_RISK = "需要关注的学员"
DASH_NONE_AT_RISK = "目前没有需要特别关注的学员。"
DASH_NO_DATA = "暂无数据。"
DASH_DRILL = "查看单个学员"
DASH_ATTEMPTS = "模拟考试记录"
DASH_RUNS = "情景演练记录"
DASH_OPEN_ATTEMPT = "查看答卷"
DASH_OPEN_RUN = "查看对话"
DASH_MANUAL = "待人工评分"
DASH_MANUAL_NONE = "没有待评分的作答。"
DASH_MANUAL_ITEM = "{name} · {source} · {question}"
DASH_MANUAL_SOURCE = {"practice": "练习", "exam": "模拟考试"}
DASH_MANUAL_SCORE = "得分（满分 {possible:g}）"
DASH_MANUAL_SAVE = "保存分数"
DASH_MANUAL_SAVED = "已保存。"
DASH_RUBRIC_HINT = "评分要点：{labels}"
DASH_EXPORT = "导出成绩"
DASH_EXPORT_CSV = "下载 CSV"
DASH_EXPORT_XLSX = "下载 Excel"
DASH_ALL_TRAINEES = "全部学员"
DASH_COUNT = "人数"
DASH_SCORE = "得分"
DASH_MODULE = "模块"
DASH_TRAINEE = "学员"
DASH_REASONS = "原因"

# Question-bank import and export
ADMIN_BANKS = "题库导入与导出"
ADMIN_EXPORT = "导出题库"
ADMIN_FORMAT = "格式"
ADMIN_FORMATS = {
    "gift": "GIFT（Moodle 文本格式）",
    "moodle-xml": "Moodle XML",
    "xlsx": "题库模板（Excel）",
    "qti": "QTI 2.1 题目包（Canvas、Blackboard、Moodle）",
}
ADMIN_EXPORT_MAKE = "生成导出文件"
ADMIN_EXPORT_DOWNLOAD = "下载导出文件"
ADMIN_EXPORT_NOTES = "{n} 道题无法完整导出（点击查看）"
ADMIN_TEMPLATE = "下载空白题库模板（Excel）"
ADMIN_IMPORT = "导入题库"
ADMIN_IMPORT_FILE = "GIFT（.gift/.txt）、Moodle XML（.xml）或表格（.xlsx/.csv，按表头列名识别）"
ADMIN_IMPORT_POINT = "没有分类或标签的题目归入知识点"
ADMIN_IMPORT_NO_POINT = "（不指定：表格中知识点为空、GIFT/XML 中没有分类或标签的题目将无法导入）"
ADMIN_IMPORT_CHECK = "检查文件"
ADMIN_IMPORT_READING = "正在读取……"
ADMIN_IMPORT_DONE = "读取完成：{n} 道题可导入，{problems} 条问题"
ADMIN_IMPORT_PROBLEMS = "{n} 条问题（未导入或有改动的题目）："
ADMIN_IMPORT_SAVE = "保存为新题库（{n} 道题）"
ADMIN_IMPORT_TITLE = "导入：{name}"
ADMIN_IMPORT_SAVED = "已导入 {n} 道题（{file}），课程已重新加载。"

# Printable paper
PAPER = "打印纸质试卷"
PAPER_HELP = "按考试蓝图和抽题种子生成试卷与参考答案；同一种子每次生成的试卷相同，便于存档和复查。"
PAPER_SEED = "抽题种子"
PAPER_MAKE = "生成试卷"
PAPER_MAKING = "正在生成 PDF 与 Word 文件……"
PAPER_SHEET = "试卷"
PAPER_KEY = "参考答案"

# Certification
NAV_CERTIFY = "认证考试"
NAV_VERIFY = "证书查验"
CERT_RULES = "{title}：先达到下列要求，再参加认证考试。认证考试包括理论知识（{theory}，{theory_pass:g} 分及格）和情景演练（投诉处理、危机处理各一个情景，每个 {skills_pass:g} 分及格），两部分都及格才能获得结业证书。"
CERT_EARNED = "已获得结业证书（{date}），查验码：{code}"
CERT_DOWNLOAD = "下载证书（PDF）"
CERT_FAILED = "上次认证考试未通过：理论 {theory:g} 分，情景演练 {skills} 分。可以再次参加。"
CERT_REQUIREMENTS = "参加要求"
CERT_CHECK = "【{state}】{label}：{have}（要求 {need}）"
CERT_MET = "已达到"
CERT_NOT_MET = "未达到"
CERT_NOT_READY = "达到全部要求后即可开始认证考试。"
CERT_START = "开始认证考试"
CERT_THEORY = "一、理论知识"
CERT_THEORY_TODO = "理论试卷已生成，计时已经开始。请到“模拟考试”页作答并交卷。"
CERT_THEORY_GO = "去作答理论知识试卷"
CERT_THEORY_SCORE = "理论知识得分"
CERT_SKILLS = "二、情景演练（不提供提示）"
CERT_SKILL_SCORE = "情景演练得分"
CERT_SKILL_BEGIN = "开始这个情景"
CERT_MISSING = "这个情景暂时无法加载，请联系管理员。"
VERIFY_HELP = "输入证书上的查验码，核对证书是否由本平台颁发、内容是否被改动。"
VERIFY_CODE = "查验码"
VERIFY_SUBMIT = "查验"
VERIFY_BAD = "查验失败：查验码无效，或证书内容与记录不符。"
VERIFY_OK = "证书有效：{name}，{date} 颁发；理论知识 {theory:g} 分，情景演练 {skills} 分。"
VERIFY_REVOKED = "（注意：该证书已被撤销）"

# --- sign-in, passwords and browser sessions ---
NAV_ACCOUNT = "我的账号"
PASSWORD_RULES = "至少 12 个字符，可以是几个词组成的短句；不能是常见密码，也不能包含用户名或姓名。"
ACCOUNT_TITLE = "我的账号"
ACCOUNT_CHANGE_PASSWORD = "修改密码"
ACCOUNT_OLD_PASSWORD = "原密码"
ACCOUNT_NEW_PASSWORD = "新密码"
ACCOUNT_NEW_PASSWORD_AGAIN = "再次输入新密码"
ACCOUNT_PASSWORDS_DIFFER = "两次输入的新密码不一致。"
ACCOUNT_PASSWORD_CHANGED = "密码已修改。其他设备上的登录已退出。"
ACCOUNT_SSO_NO_PASSWORD = "你通过单点登录进入，没有本地密码可改。"
ACCOUNT_SESSIONS = "登录设备"
ACCOUNT_SESSIONS_INFO = "在所有浏览器和设备上退出登录（包括这一个）。在公用电脑上用过本平台、或怀疑密码泄露时使用。"
ACCOUNT_SIGN_OUT_ALL = "退出所有设备"
ADMIN_RESET_TITLE = "重置密码"
ADMIN_RESET_WHO = "账号"
ADMIN_RESET_NEW = "新密码"
ADMIN_RESET_SUBMIT = "重置密码"
ADMIN_RESET_DONE = "已为 {name} 重置密码，并让该账号在所有设备上退出登录。请把新密码当面告诉本人。"
# --- core actions ---
REFUSALS = {
    "NotAllowed": "你没有权限进行这个操作。",
    "NotFound": "找不到要操作的内容，它可能已被删除。",
    "LimitReached": "本任务的次数已经用完。",
    "Stale": "已在另一个窗口继续，页面已刷新为最新内容。",
    "Invalid": "操作没有完成，请检查输入后再试。",
    "Refusal": "操作没有完成，请稍后再试。",
}
SCENARIO_UNSENT = "这条回答没有发送，需要时可复制后重新发送：{text}"
LIVE_PUSH_STALE = "题目已在另一个窗口推送。"
# --- exam-infra ---
SCORING_ALL_OR_NOTHING = "本题全部选对才得分：多选、少选、错选均不得分。"
SCORING_PARTIAL = "本题按选项计分：选对的选项得相应分数，选错的选项扣分，最低 0 分。"
SKILL_FORM_LABELS = {"short": "简答题", "case": "案例分析题", "design": "方案设计题"}
SKILL_POINTS_NOTE = "本题 {score:g} 分，按 {n} 个评分要点给分；请分条写出完整的句子。"
SKILL_FOUND = "已答到"
SKILL_MISSED = "未答到"
SKILL_UNSURE = "待教师判断"
SKILL_COL_POINT = "评分要点"
SKILL_COL_SCORE = "分值"
SKILL_COL_STATE = "你的回答"
SKILL_COL_WORDS = "找到的说法"
SKILL_COL_MARK = "教师给分"
SKILL_MODEL_ANSWER = "参考答案"
SKILL_SCHEME = "评分要点"
EXAM_PENDING = "待教师评分"
EXAM_PENDING_NOTE = "有 {n} 道题需要教师评分；评分后这里显示最终成绩。目前自动评出的部分：{score:g} 分。"
EXAM_ITEM_PENDING = "待教师评分（系统建议 {score:g} 分）"
EXAM_DIFFICULTY_NOTE = "难度分布：{mix}"
EXAM_DIFFICULTY_LEVELS = {1: "识记", 2: "理解", 3: "应用"}
MANUAL_SKILL_POINT = "{label}（{score:g} 分）"
MANUAL_SKILL_SUGGESTED = "系统判断：{state}"
CERT_RULES_PARTS = (
    "{title}共四部分，每部分 {part_pass:g} 分及格，四部分都及格才能获得结业证书：\n"
    "1. 理论知识：{theory}（{theory_minutes} 分钟）；\n"
    "2. 专业能力：{skills}（{skills_minutes} 分钟，笔试，含简答、案例分析、方案设计，部分题目由教师评分）；\n"
    "3. 投诉处理情景演练；\n"
    "4. 危机处理情景演练（演练中不提供提示）。"
)
CERT_SKILLS_PAPER = "二、专业能力"
CERT_SKILLS_PAPER_TODO = "理论知识试卷交卷后，开始专业能力试卷（笔试，计时）。"
CERT_SKILLS_PAPER_START = "开始专业能力试卷"
CERT_SKILLS_PAPER_GO = "去作答专业能力试卷"
CERT_SKILLS_PAPER_SCORE = "专业能力得分"
CERT_SKILLS_PAPER_PENDING = "专业能力试卷已交卷，等待教师评分。"
CERT_ROLEPLAYS = "三、情景演练（不提供提示）"
CERT_FAILED_PARTS = "上次认证考试未通过：理论 {theory} 分，专业能力 {paper} 分，情景演练 {skills} 分。可以再次参加。"
CERT_PART_TODO = "—"
# --- scenario engine ---
SCENARIO_TRUST_LINE = "客户信任：{value:.0f} / 100"
SCENARIO_LINES = "逐项得分"
SCENARIO_LINE = "{sign} **{where}** {label}：{points}"
SCENARIO_LINE_OF = "{points:g} / {possible:g} 分"
SCENARIO_SUM = "各项合计 {total:g} 分（即总分）"
SCENARIO_CUSTOMER_SAID = "客户说：{text}"
SCENARIO_NEEDED = "客户需要"
SCENARIO_NEED_MET = "✅ {need}（{words}）"
SCENARIO_NEED_MISSED = "❌ {need}。可以这样说：{better}"
SCENARIO_DID = "你的回应做到了：{acts}"
SCENARIO_DID_NOTHING = "你的回应没有做到这句话需要的事。"
SCENARIO_FAULTS = "扣分：{faults}"
SCENARIO_FLAGS = "只计部分分数：{flags}"
SCENARIO_METERS = "这一轮后：情绪 {emotion:+.0f}，信任 {trust:+.0f}"
SCENARIO_KIND_LABEL = {
    "credit": "回应",
    "choice": "选择",
    "penalty": "扣分",
    "check": "全程",
    "cap": "上限",
    "floor": "下限",
}

# --- ux ---
EXAM_ONE_BY_ONE = "逐题作答"
EXAM_WHOLE_PAPER = "整卷显示"
EXAM_LAYOUT = "作答方式"
EXAM_PREV = "上一题"
EXAM_NEXT = "下一题"
EXAM_FLAG = "标记本题"
EXAM_UNFLAG = "取消标记"
EXAM_SHEET = "答题卡"
EXAM_SHEET_LEGEND = "● 已答　◆ 标记　○ 未答"
EXAM_POSITION = "第 {n} / {total} 题"
EXAM_CONFIRM_TITLE = "确认交卷"
EXAM_CONFIRM_ALL = "全部题目已作答，确认交卷吗？"
EXAM_CONFIRM_UNANSWERED = "未作答（{n} 题）：第 {items} 题"
EXAM_CONFIRM_FLAGGED = "已标记（{n} 题）：第 {items} 题"
EXAM_CONFIRM_GO = "确认交卷"
EXAM_CONFIRM_BACK = "返回检查"
EXAM_ONLY_WRONG = "只看错题"
EXAM_FILTER_MODULE = "按模块筛选"
EXAM_ALL_MODULES = "全部模块"
EXAM_MARK_RIGHT = "对"
EXAM_MARK_WRONG = "错"
EXAM_REOPEN = "查看这次考试"
EXAM_PICK_PAST = "选择一次考试记录"
EXAM_BACK = "返回考试首页"
EXAM_NO_WRONG = "这次考试没有错题。"
SCENARIO_GAIN = "加分"
SCENARIO_LOSS = "扣分"
YES = "是"
LEARN_READ_MARK = "（已读）"
MARK_RIGHT = "对"
MARK_WRONG = "错"
MARK_PARTIAL = "半对"
MARK_PENDING = "待评"
OPTION_CHOSEN_RIGHT = "你的选择 · 对"
OPTION_CHOSEN_WRONG = "你的选择 · 错"
OPTION_KEY = "正确答案"
RUBRIC_FOUND = "答到的要点：{points}"
RUBRIC_MISSED = "漏掉的要点：{points}"
LEARN_CHECK_SCORE = "小节自测完成：答对 {right} / {total} 题，得分 {score:g} / {possible:g}"
# --- course improvement (reports, item analysis) ---
NAV_FEEDBACK = "内容反馈"
FEEDBACK_BUTTON = "报错"
FEEDBACK_CATEGORY = "问题类型"
FEEDBACK_CATEGORIES = {
    "wrong_key": "答案有误",
    "unclear": "题干不清",
    "typo": "错别字",
    "unfair": "评分不公",
}
FEEDBACK_NOTE = "说明（选填）"
FEEDBACK_SUBMIT = "提交报错"
FEEDBACK_CANCEL = "取消"
FEEDBACK_FORM_TITLE = "报告这里的问题"
FEEDBACK_SENT = "已收到你的报错，老师处理后会在首页回复你。"
FEEDBACK_HOME_TITLE = "报错处理结果"
FEEDBACK_HOME_LINE = "{when} 你对「{item}」的报错（{category}）{status}：{reply}"
FEEDBACK_STATUS = {"open": "处理中", "resolved": "已采纳", "rejected": "未采纳"}
FEEDBACK_PAGE_TITLE = "内容反馈"
FEEDBACK_PAGE_INTRO = "学员的报错和题目分析发现的可疑题目。处理后，回复会出现在学员的首页。"
FEEDBACK_SCOPE = "范围"
FEEDBACK_SCOPE_ALL = "我教的全部学员"
FEEDBACK_EMPTY = "目前没有待处理的报错，也没有可疑题目。"
FEEDBACK_ITEM_QUESTION = "题目 {title}"
FEEDBACK_ITEM_TURN = "情景「{title}」中的回答"
FEEDBACK_REPORTS = "{n} 条报错"
FEEDBACK_FLAGGED = "可疑题目"
FEEDBACK_REPORT_LINE = "{who}（{category}）：{note}"
FEEDBACK_TURN_LINE = "被报错的回答：{text}"
FEEDBACK_STATS = "作答人数 {n} · 通过率 {facility:.0%} · 区分度 {disc} · 高低分组差 {ul} · 用时中位数 {sec}"
FEEDBACK_NO_VALUE = "—"
FEEDBACK_FLAGS = {
    "negative_discrimination": "区分度为负：成绩好的学员反而更常答错，答案可能有误。",
    "low_discrimination": "区分度接近零：这道题分不出掌握程度。",
    "dead_distractor": "干扰项 {option} 没有人选，可以换一个更像样的干扰项。",
    "distractor_beats_key": "高分组选干扰项 {option} 的比答案还多，请核对答案。",
    "too_easy": "通过率高于 95%，题目过于简单。",
    "too_hard": "通过率低于 20%，题目过难或答案有误。",
}
FEEDBACK_CHART_ALL = "全部学员"
FEEDBACK_CHART_UPPER = "高分组（前 27%）"
FEEDBACK_CHART_OPTION = "选项"
FEEDBACK_CHART_SHARE = "选择比例"
FEEDBACK_DECISION = "处理结果"
FEEDBACK_DECISIONS = {"resolved": "采纳", "rejected": "不采纳"}
FEEDBACK_REPLY = "回复学员"
FEEDBACK_REPLY_SUBMIT = "提交处理"
FEEDBACK_REPLIED = "已处理，学员会在首页看到回复。"
EXPORT_TITLE = "导出每位学员每道题的作答"
EXPORT_SOURCE = "导出内容"
EXPORT_PRACTICE = "练习（每题第一次作答）"
EXPORT_CSV = "下载 CSV"
EXPORT_XLSX = "下载 Excel"

# --- overrides ---
OVR_TITLE = "更正评分"
OVR_HELP = "规则引擎判断错了某一轮的某一项时，可以改判（做到 ↔ 没做到、出现 ↔ 没出现）并写明理由；本次演练随即重新计分，学员的报告会标出改动和理由。这些更正也会汇总给课程作者，用来改进概念和规则。"
OVR_TURN = "选择一轮回答"
OVR_TURN_OPTION = "第 {n} 轮：{text}"
OVR_RULE = "选择要改判的一项"
OVR_KINDS = {"need": "客户需要", "avoid": "这句不该", "fault": "失误"}
OVR_STATES = {"need": ("做到", "没做到"), "avoid": ("出现", "没出现"), "fault": ("出现", "没出现")}
OVR_RULE_OPTION = "{kind}：{label}（系统判定：{engine}{now}）"
OVR_NOW = "，已改为：{verdict}"
OVR_CONCEPT = "学员的回答做到了哪一项"
OVR_COMMENT = "改判理由（学员会看到）"
OVR_SUBMIT = "改判为：{verdict}"
OVR_SAVED = "已改判，总分已重新计算。"
OVR_LIST = "本次演练的更正"
OVR_ITEM = "第 {n} 轮 · {label}：改为{verdict} · {comment}"
OVR_REMOVE = "撤销"
OVR_REMOVED = "已撤销，恢复系统的判定。"
OVR_NONE_TURNS = "这次演练没有可以改判的自由回答（选择题的得分不需要改判）。"
OVR_LINE_NOTE = "教师更正（改为{verdict}）：{comment}"

# --- versions ---
VERSIONS_TITLE = "题目版本"
VERSIONS_HELP = "在这里修改题干、选项、答案、解析和难度，每次保存都是一个新版本；学员做过的题保留作答时的版本。"
VERSIONS_SEARCH = "查找题目（编号或题干中的字词）"
VERSIONS_PICK = "题目"
VERSIONS_NONE_FOUND = "没有找到符合的题目。"
VERSIONS_CURRENT = "当前为第 {n} 版"
VERSIONS_RETIRED = "这道题已停用：不会出现在新的练习、考试和课堂测验中，历史记录照常保留。"
VERSIONS_BANK_CHANGED = "题库文件中的这道题已更新，现在使用题库文件的内容（第 {n} 版）；应用内的修改保留在版本记录中。"
VERSIONS_EDIT = "修改题目"
VERSIONS_STEM = "题干"
VERSIONS_CASE_NOTE = "案例分析题只能在这里修改题干、解析和难度，小题请在题库文件中修改。"
VERSIONS_OPTIONS = "选项（每行一个，依次为 A、B、C……）"
VERSIONS_KEY_SINGLE = "答案"
VERSIONS_KEY_MULTIPLE = "答案（可多选）"
VERSIONS_KEY_JUDGE = "答案"
VERSIONS_JUDGE = {True: "正确", False: "错误"}
VERSIONS_KEY_FILL = "答案（每行一个空，同一空的几种答法用“；”分开）"
VERSIONS_KEY_TEXT = "参考答案"
VERSIONS_EXPLANATION = "解析"
VERSIONS_DIFFICULTY = "难度"
VERSIONS_LEVELS = {1: "1 易", 2: "2 中", 3: "3 难"}
VERSIONS_SAVE = "保存为新版本"
VERSIONS_SAVED = "已保存为第 {n} 版。"
VERSIONS_UNCHANGED = "内容没有改动。"
VERSIONS_KEY_CHANGED = "答案改了：可以按新答案重新评分过去的作答和考试。"
VERSIONS_REGRADE = "按当前答案重新评分…"
VERSIONS_REGRADE_TITLE = "按新答案重新评分"
VERSIONS_REGRADE_ANSWERS = "按旧版本评分的作答 {n} 条：由错变对 {up} 条，由对变错 {down} 条，得分另有变化 {other} 条。"
VERSIONS_REGRADE_ATTEMPTS = (
    "含这道题的已交卷考试 {n} 场：总分变化 {changed} 场，由不及格变及格 {up} 场，由及格变不及格 {down} 场。"
)
VERSIONS_REGRADE_FINALS = "其中 {n} 场是认证考试的理论试卷：分数会改，已作出的认证结论和已发的证书不变。"
VERSIONS_REGRADE_NOTHING = "没有需要重新评分的作答或考试。"
VERSIONS_REGRADE_NOTE = "教师手工评过分的作答保持不变。确认后这些分数会一起修改，并记录是谁做的。"
VERSIONS_REGRADE_GO = "确认重新评分"
VERSIONS_REGRADE_BACK = "取消"
VERSIONS_REGRADED = "已重新评分：作答 {n} 条，考试 {m} 场。"
VERSIONS_RETIRE = "停用这道题"
VERSIONS_RESTORE = "恢复这道题"
VERSIONS_RETIRED_DONE = "已停用。"
VERSIONS_RESTORED_DONE = "已恢复。"
VERSIONS_HISTORY = "版本记录"
VERSIONS_COLUMNS = {"number": "版本", "source": "来源", "author": "修改人", "at": "时间", "key": "答案"}
VERSIONS_SOURCES = {"bank": "题库文件", "app": "应用内修改"}
VERSIONS_EVENTS = "操作记录"
VERSIONS_EVENT_COLUMNS = {"at": "时间", "kind": "操作", "author": "操作人", "versions": "版本", "detail": "说明"}
VERSIONS_EVENT_KINDS = {"edit": "修改", "retire": "停用", "restore": "恢复", "regrade": "重新评分"}
VERSIONS_EVENT_FIELDS = "改动：{fields}"
VERSIONS_EVENT_COUNTS = (
    "作答 {answers} 条（错→对 {up}，对→错 {down}），考试 {attempts} 场（不及格→及格 {pup}，及格→不及格 {pdown}）"
)
VERSIONS_FIELD_NAMES = {
    "stem": "题干",
    "options": "选项",
    "answer": "答案",
    "explanation": "解析",
    "difficulty": "难度",
}
VERSIONS_NO_VALUE = "—"
VERSIONS_EXPORT = "导出应用内修改的题目（题库文件格式）"
VERSIONS_EXPORT_DOWNLOAD = "下载 应用内修改的题目.yaml"
VERSIONS_STALE = "这道题刚被别人修改过，页面已显示最新版本，请核对后再改。"

# --- bank import and export ---
BANK_PREVIEW = "将要导入的题目"
BANK_COL_TITLE = "名称"
BANK_COL_ID = "编号"
BANK_COL_TYPE = "题型"
BANK_COL_STEM = "题干"

# --- text and phone ---
UPLOAD_BUTTON = "选择文件"
UPLOAD_LIMIT = "点“选择文件”或把文件拖到上方框内；可上传 {types} 文件，每个不超过 {mb} MB。"
NO_DATE = "不设日期"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
UNLIMITED = "不限"
QUESTION_NUMBER = "第 {n} 题"
SKIP_TO_CONTENT = "跳到正文"

# --- instructor fixes ---
DASH_BAR_TEXT = "{status} {n}"
DASH_BAR_HOVER = "%{{y}}<br>{status}：%{{x}} 人<extra></extra>"
DASH_HEAT_HOVER = "%{y} · %{x}<br>正确率 %{z}%<extra></extra>"
DASH_HEAT_SCALE = "正确率(%)"
DASH_RUBRIC_AXIS = "平均得分(%)"
PICK_CLASS_TWIN = "{name}（班级码 {code}）"
PICK_CLASS_MEMBERS = "本班现有学员 {n} 人"
ASSIGN_NO_DUE_CELL = "不设截止"
ASSIGN_UNLIMITED = "不限"
ASSIGN_ATTEMPTS_CELL = "{n} 次"
ASSIGN_DELETE_CONFIRM = "确定删除任务“{title}”吗？"
ASSIGN_DELETE_KEEPS = "学员已做的阅读、练习和考试记录都会保留，只是这项任务不再出现在任务列表和看板中。"
ASSIGN_DELETE_REPORTS = "各小组为这项任务提交的报告和评分会一并删除，且无法恢复。"
ASSIGN_DELETED = "已删除任务“{title}”。"
LIVE_BOARD_EMPTY = "还没有学员加入这场测验。"
LIVE_TEAM_BOARD_EMPTY = "已加入的学员还不在任何小组中。"
LIVE_TEAM_BOARD_NO_GROUPS = "本班还没有分组，可在“班级管理”页分组后查看小组排行。"
LIVE_YOUR_ANSWER = "你的答案：{answer}（{verdict}）"
LIVE_VERDICT_RIGHT = "答对了"
LIVE_VERDICT_WRONG = "答错了"
LIVE_NOT_ANSWERED = "这道题你没有作答。"
LIVE_KEY = "正确答案：{answer}"
LIVE_REVIEW_CLOSED = "已结束的题目：正确答案与解析"
LIVE_REVIEW_ALL = "本场测验的正确答案与解析"
NO_VALUE = "—"
EXPORT_FILE_CSV = "作答明细.csv"
EXPORT_FILE_XLSX = "作答明细.xlsx"
ASSIGN_DUE_CELL = "{y}年{m}月{d}日 {hm}"
ADMIN_POINT_CHOICE = "{module} · {point}"
CONFIRM_YES = "确认"
CONFIRM_NO = "取消"
PERSON_LABEL = "{name}（{username}）"
ROSTER_REMOVE_CONFIRM = (
    "确定把 {who} 移出本班吗？其学习记录会保留，但不再出现在本班的看板和小组中；需要时可用班级码重新加入。"
)

# --- study plan ---
PLAN_TITLE = "今日学习计划"
PLAN_EXAM_DAYS = "距离考试还有 {days} 天（{date}）"
PLAN_EXAM_TODAY = "今天就是考试日（{date}），祝你顺利！"
PLAN_EXAM_PAST = "考试日期（{date}）已过，可以在下方设定新的日期。"
PLAN_NO_EXAM = "还没有设定考试日期。设定后，这里会告诉你按现在的节奏能否在考前读完全部小节。"
PLAN_DONE = "今日目标已完成 {percent}%"
PLAN_SECTIONS = "阅读新小节：{done}/{target} 节"
PLAN_SECTIONS_ALL_READ = "阅读新小节：全部小节都已读完"
PLAN_QUESTIONS = "做新题：{done}/{target} 道"
PLAN_REVIEWS = "复习到期的题：{done}/{target} 道（现在到期 {due} 道）"
PLAN_READ_SECTION = "阅读：{title}"
PLAN_TO_QUESTIONS = "去做新题"
PLAN_TO_REVIEWS = "去复习"
PLAN_PACE_OK = "按每天 {per_day} 节，{finish} 可以读完全部小节，赶得上考试。"
PLAN_PACE_SHORT = "按每天 {per_day} 节读不完：还剩 {remaining} 节、{days} 天，每天至少要读 {needed} 节。"
PLAN_PACE_NONE = "每日目标里没有阅读新小节：还剩 {remaining} 节没读，考前读不完。"
PLAN_PACE_ALL_READ = "全部小节都已读完，把时间留给练习、复习和模拟考试。"
PLAN_STREAK = "连续学习 {n} 天"
PLAN_STREAK_NONE = "还没有连续学习的记录"
PLAN_TODAY_COUNTS = "今天已达标"
PLAN_TODAY_NOT_YET = "今天还没达标"
PLAN_STREAK_RULE = (
    "达标的一天：做满 {questions} 道不同的题且答题用时满 {minutes} 分钟，或读完一节并做满 {check} 道题，"
    "或交一份答了至少 {exam} 道题的模拟考试。每天从零点算起；今天还没达标不会中断连续天数。"
)
PLAN_SETTINGS = "设置考试日期和每日目标"
PLAN_EXAM_DATE = "考试日期"
PLAN_NO_DATE = "暂不设定考试日期"
PLAN_GOAL_SECTIONS = "每天阅读新小节（节）"
PLAN_GOAL_QUESTIONS = "每天做新题（道）"
PLAN_GOAL_REVIEWS = "每天复习到期的题（最多，道）"
PLAN_SAVE = "保存计划"
PLAN_SAVED = "学习计划已保存。"
TREND_TITLE = "模拟考试成绩走势"
TREND_SCORE = "得分（百分制）"
TREND_PASS_LINE = "及格线"
TREND_EXAM = "考试"
TREND_ESTIMATE = (
    "按最近 {n} 次模拟考试（平均 {mean:.0f} 分，上下浮动约 {spread:.0f} 分），预计通过的把握约 {percent}%。"
)
TREND_ESTIMATE_NEEDS = "至少需要 3 次模拟考试才能估计通过的把握，你还需要再考 {n} 次。"
TREND_ESTIMATE_NOTE = "估计只看最近的成绩，按正态分布近似；考的次数越多越准，且永远不会给出 0% 或 100%。"
PROGRESS_ANSWERS_PER_DAY = "每日答题数"
PROGRESS_ACCURACY_PER_DAY = "每日正确率（%）"
PROGRESS_ACCURACY_LABEL = "{accuracy}%（{n} 题）"
PROGRESS_READING_OVERALL = "已读 {done}/{total} 节"
PROGRESS_READING_CHAPTERS = "各章阅读情况"
PROGRESS_READING_UNSTARTED = "尚未开始的章：{n} 章"
LEARN_BACK_TO_HITS = "返回搜索结果：{query}"
PROGRESS_ACCURACY_AXIS = "正确率（%）"

# --- page speed ---
DASH_DRILL_PICK = "选择一名学员，查看其试卷与演练对话"
FEEDBACK_TABLE_ITEM = "内容"
FEEDBACK_TABLE_REPORTS = "学员报错"
FEEDBACK_TABLE_FLAGS = "分析提示"
FEEDBACK_TABLE_RESPONDENTS = "作答人数"
FEEDBACK_PICK = "查看并处理"
FEEDBACK_PICK_LABEL = "{n}. {title} · {label}"
