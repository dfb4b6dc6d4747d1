# ruff: noqa: E501  (a table of patterns reads better one per line)
"""Sentence shapes that show a fault whatever the words filling them.

Phrase lists only find the words someone thought of. These patterns find the shape of a put-down, a reproach, a
mock compliment or a push elsewhere ("您…怎么不…", "您要是早…就不会…", "就您最…", "爱…不…", "是快递那边的事") with open
slots, so new wording of a known move is still seen. Text is normalised first (simplified, half-width
punctuation). Each shape names the fault it shows; the words it matched are the evidence in the report.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import ahocorasick_rs

from grading.triggers import compile_with_triggers

RUDE = "rude"
BLAME = "blame_customer"
DENY = "deny_responsibility"
SARCASM = "sarcasm"

_YOU = "(?:您|你)"
# A character inside one clause; inside one sentence.
_C = r"[^,，、:：;；\s。！？!?…]"
_S = r"[^。！？!?;；\n]"
# Someone else the matter is pushed to.
_ELSEWHERE = (
    "快递公司|快递|物流公司|物流|厂家|厂商|生产商|品牌方|品牌|商家|卖家|平台|银联|第三方|支付平台|供应商|总部|上面|上级|"
    "领导|别人|其他人|别的部门|其他部门|相关部门|技术部|财务部|售后部|售后|他们|她们|那边|保险公司|航空公司|机场|运营商|"
    "经销商|代理商|工厂|物业公司|物业|开发商|银行|医院|学校|派出所|消协|法院|律师|当时给您办|当时给你办|之前的|原来的|房东|房主|"
    "医生|司机|骑手|商户|酒店前台|酒店"
)
# Parties that are never the speaker's own side (a platform, a brand or a bank may be the one speaking).
_OTHERS = (
    "快递公司|快递|物流公司|物流|厂家|厂商|生产商|品牌方|卖家|银联|第三方|支付平台|供应商|外包公司|外包|保险公司|运营商|经销商|"
    "代理商|工厂|开发商|他们|她们|那边|对方"
)
# Naming another party as the one at fault ("这是厂家的问题"), and sending the customer to one ("您去找物流公司").
_ANOTHER_PARTY = r"(?:是|属于|归)(?:" + _OTHERS + r")(?:那边|方面|自己)?的" + _C + r"{0,4}?(?:事|问题|责任|锅)"
_SENT_ELSEWHERE = (
    r"(?<![帮替陪给带])"
    + _YOU
    + r"(?:得|要|就|还是|最好|自己|可以|直接|该|再)*(?:(?:去)?(?:找|问|联系|打给|打|咨询)|去(?:跟|和))(?:"
    + _ELSEWHERE
    + ")"
)
# What people are called when they are being put down.
_PUT_DOWN = (
    "难缠|难说话|难伺候|难搞|较真|计较|斤斤计较|啰嗦|啰唆|唠叨|事多|事儿多|多事|挑剔|吹毛求疵|过分|离谱|无理|不讲理|不讲道理|"
    "无理取闹|胡搅蛮缠|不可理喻|矫情|小气|抠门|烦人|能闹|能折腾|固执|奇葩|幼稚|可笑|玻璃心|事儿精|难弄"
)
# What a mock compliment praises.
_PRAISE = (
    "聪明|厉害|了不起|有本事|能干|会算账|会算|会说|能说会道|懂行|内行|行家|高明|精明|大人物|明白人|讲道理|有理|有道理|"
    "伟大|有能耐|能耐|有见识|见多识广|有文化|会挑|懂得多|懂得真多|懂得还真多|懂"
)
# Feelings: "您着急很正常" is empathy, not blame.
_FEELING = re.compile(
    r"生气|着急|急|担心|不满|有意见|心情|失望|难过|焦虑|情绪|不高兴|不开心|疑问|顾虑|误会|火|委屈|不放心|介意"
)

_SHAPES: tuple[tuple[str, str], ...] = (
    # Reproach: "您收货的时候怎么不当场检查呢" (asking why the customer did not: not listening).
    (BLAME, _YOU + _C + r"{0,12}?(?:怎么不|为什么不|为啥不|咋不|干嘛不|怎么也不|怎么都不|怎么就不|怎么又不)"
     r"(?!满意|开心|舒服|方便|高兴|放心|愿意|接受|同意|喜欢)"),
    (BLAME, r"早干(?:什么|嘛|啥)"),
    # Hindsight: "您要是早点说就好了", "要是您当初听我们的，就不会这样了".
    (BLAME, r"(?:" + _YOU + _C + r"{0,3}?(?:要是|如果|假如|当初|早)|(?:要是|如果|假如|当初)" + _YOU + ")" + _S
     + r"{0,24}?(?:就不会|也不会|就没事|就好了|就没有这|就没这|就不至于|也不至于|就不用|也就不会)"),
    # Normalising the damage the customer caused: "您用的是非原装充电器，烧坏了很正常".
    (BLAME, _YOU + _S + r"{1,20}?(?:很正常|也正常|不奇怪|也不奇怪|在所难免|能怪谁|怪谁|怨谁|赖谁)"),
    (BLAME, r"(?:要怪|得怪|就怪|都怪|只能怪|还得怪|怪就怪)" + _YOU),
    (BLAME, r"被" + _YOU + r"(?:自己|家孩子|家小孩|孩子)" + _C + r"{1,4}"),
    # Futility: "您跟我吼有什么用", "您闹也没用".
    (RUDE, _YOU + _C + r"{0,10}?(?:闹|吵|吼|嚷|喊|骂|发火|发脾气|着急|急|哭|投诉|生气|凶)" + _C
     + r"{0,4}?(?:也没用|没有用|有用吗|有什么用|有啥用|也白搭|白搭|不管用|管用吗)"),
    # Belittling the matter: "这点钱也值得您专门跑一趟", "就这么点事，犯得着找领导吗".
    (RUDE, r"(?:这点|这么点|这么一点|一点点|这种小|这点小|芝麻大|屁大|(?:就|才|不就)?(?:几|一两|两|三|这么几)(?:块|毛|十块|百块)(?:钱)?的|而已)"
     + _S + r"{0,10}?(?:值得|犯得着|犯不着|至于|用得着)"),
    # Not my job to serve you: "我没空陪您聊", "我又不是你的保姆".
    (RUDE, r"我(?:们)?(?:可|真|实在|现在)?(?:没空|没时间|没工夫)(?:陪|跟|听|和|理|管|搭理|伺候)"),
    # asking back whether an act would undo the matter ("赔钱能让死虾活过来吗？", "我道歉了您就能多考几分吗？")
    (RUDE, r"(?:道歉|赔钱|赔偿|补偿|退款|退钱|查监控|换人|换老师|投诉)(?:了)?" + _C + r"{0,4}?(?:就)?能(?:让|改变)" + _C + r"{1,12}?吗"),
    # mocking what the customer thinks ("您以为老师是大白菜，想换就换？")
    (RUDE, _YOU + r"以为" + _C + r"{1,10}?(?:是大白菜|是菜市场|是你家|是您家|说换就换|想换就换|想退就退|想要就要)"),
    (RUDE, r"我(?:们)?(?:可)?(?:没有?义务|懒得|不伺候|伺候不起|伺候不了)"),
    (RUDE, r"我(?:可)?又不是|又不是" + _YOU + r"(?:一个人)?的|" + _YOU + r"又不是"),  # "我又不是你的保姆" ("我们又不是神仙" is an excuse)
    # Calling the customer names: "您这人怎么这么难说话", "没见过您这么较真的人".
    (RUDE, r"(?<![让给替帮使令叫把])" + _YOU + r"(?:这人|这个人|这种人|这样的人|这位|这种客户|这样的客户|这个要求|的要求|这要求|"
     r"这脾气|脾气)?" + _C + r"{0,4}?(?:太|也太|这么|那么|真|真是|怎么这么|有点|好|够|特别|实在|可真)(?:" + _PUT_DOWN + ")"),
    (RUDE, r"没见过" + _YOU + r"?(?:这么|这样|这种)"),
    (RUDE, r"(?:像)?" + _YOU + r"这(?:种|样的)(?:客户|客人|顾客|人)"),
    # Competence put-downs: "这么简单的操作您都不会吗", "您是第一天用手机吗".
    (RUDE, r"(?:连|这么简单|这都|都)" + _C + r"{0,8}?(?:不会|不懂|看不懂|听不懂|搞不懂|弄不明白|不认识|分不清|不识字|记不住|搞不清)"
     r"(?=" + _C + r"{0,3}(?:吗|啊|呀|吧|\?|？))"),
    (RUDE, _YOU + r"(?:是)?第一天"),
    (RUDE, r"(?:听没听懂|懂不懂|明不明白|听明白没|听懂没|听清楚了没)"),
    # Orders and dismissals: "您小点声", "不买就别在这儿浪费大家时间", "您爱投诉就投诉".
    (RUDE, r"(?:小点声|小声点|小声一点|声音小点|声音小一点|嗓门小|别嚷|别吵|别喊|别吼|别闹了|闭嘴|(?<!多)少来)"),
    (RUDE, r"别在这(?:儿|里)?" + _C + r"{0,6}?(?:吵|闹|嚷|喊|捣乱|耽误|浪费|添乱|找事)"),
    (RUDE, r"浪费(?:我|我们|大家|别人)的?时间"),
    (RUDE, r"爱(" + _C + r"{1,3})(?:就|不)\1"),
    (RUDE, r"(?:随便您|随您便|随你便|您看着办|你看着办|您可以走了|你可以走了|别来了|还要怎么样|还想怎么样|想怎么样|还要怎样)"),
    (RUDE, r"(?:说|讲|解释|强调)(?:了|过)(?:多少|好几|几|[二两三四五六七八九十\d]+)(?:遍|次)"),
    # Futility anywhere in the sentence: "请您冷静点，哭哭啼啼的有什么用".
    (RUDE, r"(?:哭|闹|吵|吼|嚷|喊|骂|发火|发脾气|急|投诉|来问)" + _S + r"{0,8}?(?:有什么用|有啥用|有用吗|也没用|白搭|有意思吗)"),
    # "急什么急", "吵什么吵".
    (RUDE, r"([\u4e00-\u9fff])(?:什么|啥)\1"),
    # "嫌差下回别坐", "嫌贵就别买".
    (RUDE, r"嫌" + _C + r"{1,4}?(?:就|下回|下次|以后|那)?别"),
    (RUDE, r"(?:没空|没时间|没工夫)" + _C + r"{0,6}?(?:陪|伺候|搭理|耗|磨)"),
    (RUDE, r"又不是只有" + _YOU),
    (RUDE, r"(?:识字|这么大(?:个)?人了|嘴闭上|闭上嘴|少说两句|烦我|别烦|想啥呢|想什么呢)"),
    (RUDE, r"脑子(?:带|进水|有问题|坏了|呢|呀)|眼睛(?:干嘛|干什么|长哪|去哪)|没长眼"),
    (RUDE, r"(?:没|比)" + _YOU + r"事(?:儿)?多|事(?:儿)?真多|至于(?:叫|闹|吵|哭|喊|嚷)成这样"),
    (RUDE, r"(?:有点|讲点|讲讲|注意(?:一下)?|没有?|提高(?:一下)?(?:您|你)的)素质"),
    (RUDE, r"(?:重复|说|讲|解释)(?:几|多少)(?:遍|次)"),
    (RUDE, r"(?:还不够清楚|说得还不清楚|讲得还不清楚)"),
    # Put-down questions about what the customer expects: "您还指望有五星级待遇？", "您以为…是您家开的".
    (RUDE, _YOU + r"(?:还|是不是|是)?指望" + _S + r"{0,20}?(?:\?|？|吗|呢)"),
    (RUDE, r"是您家开的|是你家开的"),
    (RUDE, r"([\u4e00-\u9fff]{1,4})还是我(?:是)?\1"),  # "您懂修车还是我懂修车", "您是专业的还是我是专业的"
    (RUDE, r"来" + _C + r"{1,3}(?:的)?还是来" + _C + r"{1,3}"),  # "您是来办事的还是来吵架的"
    (RUDE, r"(?:站|到|去)(?:旁边|一边|边上)(?:等着|待着|去)|门在那边|别耽误(?:别人|大家|后面)|还好意思|自己百度|百度一下就|撒泼|指手画脚|指着我鼻子"),
    (RUDE, _YOU + r"(?:这)?嗓门|" + _YOU + r"又不懂"),
    # "老师不是您家保姆", "热线又不是给您一个人开的"
    (RUDE, r"不是(?:给)?" + _YOU + r"(?:家|自己家|一个人|的)?" + _C + r"{0,3}?(?:保姆|私人|佣人|仆人|助理|秘书|出气筒|管家|浴缸|开的)"),
    (RUDE, r"别(?:老|总|一天到晚|动不动)(?!往)|别" + _C + r"{0,6}?(?:杵着|揪着不放|占着)|挑三拣四|换别家|去别家|另请高明|凭什么先给" + _YOU),
    (RUDE, _YOU + r"(?:自己)?不会(?:自己)?(?:看|查|用|弄|操作|回放|点|算|读|打开|想)" + _C + r"{0,6}?(?:吗|\?)"),
    (RUDE, r"不(?:懂|会|看|买|要|想|愿意|惯)" + _C + r"{0,3}?就(?:别|走|一边)"),
    (RUDE, r"(?:别|少)(?:瞎说|乱问|瞎问|乱说|瞎嚷|磨蹭|刷屏|挡着|添乱|瞎掺和)|让开|一边(?:去|待着|对去)|到一边"),
    (RUDE, r"到底(?:还)?([\u4e00-\u9fff])不\1"),
    # Mock compliments: "就您最有理", "您可真会算账", "您这么厉害，干脆您来当店长吧".
    (SARCASM, r"就" + _YOU + r"最(?:会|懂|能|有)"),
    (SARCASM, r"(?:就|只有)" + _YOU + r"(?:最|一个)?" + _C + r"{0,3}?(?:" + _PRAISE + r"|对)"),
    (SARCASM, _YOU + r"(?:可|还|也)?(?:真|真是|真的是|可真|还真|最|太|这么|好)(?:个|一个)?(?:" + _PRAISE + ")"),
    (SARCASM, _YOU + r"(?:说得|说的)(?:太|可太|真是太|都|全)(?:对|有道理|在理)"),
    (SARCASM, _YOU + r"什么都(?:对|懂|知道|明白|有理)"),
    (SARCASM, r"(?:我们|都是我们)(?:全|都|什么都)错"),
    (SARCASM, r"(?:干脆|索性|要不)" + _YOU + r"来(?:当|做|干|管|办|坐诊|上课|开)"),
    (SARCASM, _YOU + r"比" + _C + r"{1,8}?还(?:懂|会|专业|厉害|清楚|内行)|天下第一|yyds|绝绝子"),
    (SARCASM, r"(?<![^。！？!?,，\s])(?:哟|呦|哎哟喂|啧啧)"),
    (SARCASM, r"(厉害|佩服|高明|了不起|牛)\1"),  # "厉害厉害"
    (SARCASM, r"(?:哎哟|哎呦|嚯)" + _C + r"{0,2}[,，]?" + _YOU + r"(?:可|还|也)?(?:真是|可真|真)"),
    (SARCASM, _YOU + r"(?:高兴|开心)就好"),
    # Pushing the matter elsewhere: "售后的事您得去找品牌方", "钱是第三方支付平台扣的，您问他们".
    (DENY, _SENT_ELSEWHERE),
    (DENY, _ANOTHER_PARTY),
    (DENY, r"(?:我|我们)(?:这边|门店|这里|也|又|真|实在)?(?:说了不算|管不着|管不了|查不了|改不了|帮不了|无能为力|"
     r"爱莫能助)"),
    (DENY, r"我(?:只是|就是|也就是|不过是)?(?:个|一个)(?:小)?(?:客服|传话的|打工的|员工|临时工|新来的|办事的|跑腿的)"),
    (DENY, r"(?:跟|和|与)(?:我们|我|本店|本公司|本平台|本人)" + _C + r"{0,4}?(?:扯不上|没关系|没有关系|无关|不相干|不搭界|没啥关系|没有任何关系|没任何关系|没什么关系)"),
    (DENY, r"(?:别赖|别怪|怪不了|怪不着|怪不到|赖不着|赖不了|赖不到|算不到|不能怪|不能赖|不能算)(?!您|你|客户|顾客|客人|别人|其他人|别的)"),
    (DENY, r"(?<![不没么])(?:还能|能)(?:怨|怪|赖)(?!您|你|谁|别人|自己)"),
    (DENY, r"这事怪我们(?=\s*[?？])"),
    (DENY, r"归(?:我|我们)管(?:吗|\?)|关(?:我|我们)(?:什么|啥)事|还能管得了|难道是(?!我们|我|咱)" + _C + r"{1,6}?的(?:错|问题|责任)|不关" + _C + r"{1,4}?(?:的)?事|不背(?:这个|这口)?锅"),
    (DENY, r"(?:算到|赖到|怪到|推到|算在|赖在|怪在|往)(?!您|你)" + _C + r"{0,6}?(?:头上|身上)"),
    (DENY, r"找" + _C + r"{1,8}?(?:的人|那个人|他们|卖家|商家|对方)去"),
    (DENY, r"只能(?:由)?" + _YOU + r"自己(?:出|承担|负责|付|掏|处理|解决|想办法|担着)"),
    (DENY, r"(?:不负责(?!任)|概不|不掺和|不插手|不过问)"),
    (DENY, r"(?:一点|什么|任何)办法(?:都|也)没有?"),
    (DENY, _YOU + _C + r"{0,6}?自己" + _C + r"{0,6}?(?:问去|找去|去问|去找|跟他谈|跟他们谈|想办法|解决吧|处理吧)"),
    (DENY, r"(?:跟|和|与)(?:(?:我们|我|咱们|咱|本)" + _C + r"{0,4}?|" + _C + r"{0,3}?(?:店|公司|影院|中介|物业|窗口|餐厅|网点|柜台|商场|酒店|这边))"
     r"(?:有什么关系|有啥关系)"),
    (DENY, r"(?:凭什么|凭啥)(?:替|帮)|(?:凭什么|难道|怎么能|哪能|来)(?:让|怪|找|叫)(?:我们|公司|店里|我|教练|老师|医生|师傅)"),
    (DENY, r"(?:我们|我|窗口|门店|影院|店里|这边)" + _C + r"{0,3}?(?:只负责|只管)"),
    (BLAME, r"(?<![不没非说])是" + _YOU + r"(?:家|自己)?" + _C + r"{0,4}?的问题"),
    (BLAME, r"(?<![不没非说])(?:是因为|因为|是)" + _YOU + r"(?:自己|当天|当时)?" + _C + r"{0,6}?(?:没出示|没带|没说|没问|没看|没控制|没填|没选|没按|没如实|忘了|没在|没提前|没跟|没按时|没及时|一直不|从来不)"),
    (BLAME, _YOU + _C + r"{0,8}?(?:也)?没(?:跟|和|告诉|通知)(?:我们|我)"),
    (BLAME, r"(?:只能|得)算" + _YOU),
    (DENY, r"(?:规定|制度|流程|系统)(?:就是这样|就这样|就是这么|就这么|是死的|就是规定)"),
)  # fmt: skip
# Acts in open wording; read like any phrase (negated, asked, conditional or reported as the sentence says).
_ACTS: tuple[tuple[str, str], ...] = (
    ("take_responsibility", r"(?:我们|我方|咱们|本店|店里|我)(?:这边|自己)?" + _C
     + r"{0,5}?(?:漏了|搞错|弄错|排错|录错|发错|填错|算错|记错|看错|出了问题|出了差错|出了岔子|没做好|没做到位|没处理好|疏忽|失职|的错|的锅|不当|掉链子|的不是|不地道)"),
    ("solution", r"(?<=[给帮为替])" + _YOU + _C + r"{0,4}?(?:退款|退货|退|换|补发|补办|补单|修|重拍|重做|重发|重新|改签|转让|"
     r"安排|办理|处理|提交|派送|寄|送到|打到|解锁|解冻|开通|关掉|取消|配|腾|换上|挂好|挂上|约好|预约|订好|订一|延期|延长|加上|补上|"
     r"另派|派|调到|送新|补拍|补做|约个)"),
    # money sent back ("退钱给您", "差价现在就转给您"), a thing redone ("把整栋楼的灯全换一遍")
    ("solution", r"(?<=[给帮为替])(?:您|你)把" + _C + r"{1,8}?(?:延期|换|退|改|补|修)|找出来|找回来|(?:退|转|还)(?:钱|款|差价|押金)?(?:给|回)(?:您|你)|(?<![您你])把" + _C + r"{1,8}?(?:全|都)?(?:换|修|退|补)(?:一遍|好|了)"),
    ("solution", r"(?:打到|退到|转到|退回|退还到|存到)" + _YOU + _C + r"{0,3}?(?:卡|账户|账上|微信|支付宝|余额)"),
    ("follow_up", r"(?:有结果|出结果|查到后|查清后|查清楚后|到时候|到货了|修好后|修好前|处理完|办好后|一有消息|有进展|送到后|装好后|到账后|弄好后)" + _S
     + r"{0,10}?(?:通知|告诉|联系|回电|电话|打您|发您|短信|私信|知会|回复|答复|确认)|再来问问|再问问" + _YOU),
    ("follow_up", r"(?:发到|发给|发短信给|短信发给)" + _YOU + r"|书面(?:答复|回复)"),
    ("follow_up", r"(?:跟|向|给)" + _YOU + _C + r"{0,4}?(?:说一声|同步|汇报|通报|报个|反馈)"),
    ("listen", r"请问(?=" + _S + r"{0,30}?(?:多久|几|什么时候|哪一|哪个|哪天|哪边|是否|有没有|多少))"),
    ("listen", _YOU + r"(?:接着|继续|再接着)说"),
    ("verify_facts", r"调(?:一下)?" + _C + r"{0,6}?(?:记录|监控|录像|日志)|(?:跟|找|向)(?!您|你)" + _C + r"{1,5}?确认"),
    ("listen", r"(?:您说的是|您是说|你是说|您的意思是|我跟您确认一下|我确认一下|跟您核对一下)(?=" + _S
     + r"{0,40}?(?:对吧|是吧|对吗|是吗|是这样吧|是这样吗|没错吧|对不对))"),
    ("transparency", r"(?:实话|老实说|老实讲|坦白讲|实不相瞒|说句实在话|交个底|掏心窝)"),
    ("take_responsibility", r"(?<=是)(?<![不没非说]是)(?:我们|我|咱们|俺们)(?!们的客户)" + _C + r"{1,10}?(?:问题|不到位|不力|没到家|疏忽|失职|不严|不周|磕|弄坏|漏|错|"
     r"没(?:做|安排|通知|提醒|讲|说|放|核|检查|处理|跟|及时|注意))"),
    ("empathy", r"(?:换谁|换了谁|换作谁|谁遇到|换我|搁谁|搁我|谁碰上|谁摊上)" + _C + r"{0,4}?(?:都|也)" + _C + r"{1,4}"),
    ("empathy", r"(?:怨不得|难怪|怪不得)" + _YOU + _C + r"{0,3}?(?:生气|着急|上火|不高兴|发火|窝火|心急|不满)"),
    ("empathy", r"心里(?:肯定|一定|也)?" + _C + r"{0,3}?(?:揪着|堵|难受|不好受|着急|窝火|憋屈|不踏实)|(?:滋味|感受)(?:我)?(?:能|完全能|都能)?(?:想象|体会)"),
    ("empathy", r"(?:折腾|遭罪|受累|受罪|辛苦)" + _YOU + r"?(?:了|啦)"),
    ("empathy", _YOU + _C + r"{0,6}?(?:窝火|揪心|心疼|着急|生气|上火|难受|委屈|急)" + _C + r"{0,2}?(?:我|我们)(?:完全|都|能|特别)?(?:明白|懂|理解|体会)|换位想想|把" + _YOU + _C + r"{0,3}?坏了"),
    # the customer's feeling named with how sure we are of it ("您肯定一肚子火", "您一个人在那儿得多慌", "一定吓坏了吧")
    ("empathy", r"(?:肯定|一定|得多|该多|多么|有多)" + _C + r"{0,3}?(?:难受|着急|心疼|慌|害怕|吓坏|吓着|生气|上火|一肚子火|闹心|委屈|失望|扫兴|糟心|憋屈|难熬|揪心|崩溃|心急|窝火|不好受|不舒服|难过)"),
    # the feeling, then that we share or grant it ("这种煎熬我能体会", "您的不满完全合理", "我听着都揪心")
    ("empathy", r"(?:心情|煎熬|心疼|着急|难受|委屈|不满|失落|不容易|糟心|闹心|憋屈|火气|急)" + _C + r"{0,5}?(?:我|我们)(?:都|也|特别|完全)?(?:能|能够)?(?:体会|想象|理解|懂|明白)|(?:不满|窝火|生气|着急|火大|委屈|急)" + _C + r"{0,3}?(?:完全合理|再正常不过|可以理解|情有可原)|(?:听着|想想)都(?:揪心|难受|心疼|着急)|可想而知|滋味" + _C + r"{0,3}?(?:难熬|不好受|难受)"),
    ("empathy", r"(?:换|搁)(?:成)?(?:谁|是我|我)(?:身上|拿到)?(?:都|也)(?:会)?" + _C + r"{0,4}?(?:火|气|急|糟心|憋屈|坑|扫兴|不舒服|不痛快|难受|窝火)"),
    # our own fault said in a new way ("是我们照看得不够细", "这是我们培训和管理上的漏洞", "责任在驾校", "系我哋整错咗单")
    ("take_responsibility", r"(?:是|系|这是|怪|赖|错在|责任在)(?:我们|咱们|咱家|俺们|我哋|我这个" + _C + r"{0,3}?|店里|本店|驾校|平台|公司)" + _C + r"{0,12}?(?:不够|没(?:排|看|做|照|管|包|说|讲|通知|控制)好|不到位|失职|失误|漏洞|不严|疏忽|的错|不对|的锅|整错|弄错|搞错|发错|错发|漏发|送错|算错|拿错|写错|擅自)|(?:责任|错)在(?:我们|店里|本店|驾校|平台|公司|我们这边)"),
    # what went wrong, told as the cause ("消毒环节出了漏洞", "卡在了复核环节", "系统没把您的单子转出去")
    ("explanation", r"(?:环节|流程|线路|设备|机器|系统|库房|仓库|后台)" + _C + r"{0,4}?(?:出了|出现了?|有)(?:纰漏|漏洞|问题|差错|故障|岔子)|卡在了|系统没(?:把|有)"),
    ("explanation", r"(?<=是)(?:系统|机器|设备|收银员|师傅|技师|司机|前台|员工|同事|骑手|快递员|工作人员)" + _C + r"{0,14}?(?:算错|录错|弄错|搞错|打错|少打|多打|刮到|碰到|压坏|漏了|忘了|没包好|操作不当|擅自)"),
    # what happened while our side was doing something ("度数录入时少打了五十度", "是我们搬运时没包好"), or what our
    # side did not get right ("是团长那边冷库温度没控制好"); never the customer's doing
    ("explanation", r"(?:(?!您|你)" + _C + r"){2,10}?(?:时|的时候|期间)(?:(?!您|你)" + _C + r"){0,8}?(?:没(?:包|调|装|放|核对|检查|注意|发现)|少打|多打|擅自|不当|漏)|(?<=是)(?:(?!您|你|家长|自己|孩子)" + _C + r"){2,12}?没(?:控制|看|管|做|照|包|调|检查|排|装|放)好"),
    # a slip named by who made it ("交接时把色系写错了", "加药的同事把剂量配高了"), a cause in a word ("保存不当",
    # "是台风预警逼的", "前台超售了", "招生招多了")
    ("explanation", r"(?:时|候|同事|师傅|员工|工作人员|我们|我)把" + _C + r"{1,8}?(?:写错|配高|配低|配错|漏掉|弄错|装反|搞错|放错|拿错|算错|看错|记错|弄混|搞混|漏了)|(?:保存|存放|保管|操作|处理|安装|包装)不当|是" + _C + r"{1,8}?(?:逼的|闹的)|超售了|撞了单|排单重复|(?:招|收|卖|订|排)多了|排不过来|没抽检"),
    ("explanation", r"(?:问题|毛病|根子|原因|症结)(?:就|主要|其实)?(?:出在|在于)(?!哪)|根子在"),
    # a cause, then what follows from it ("这件包裹超重了两公斤，所以多收了…"); not the customer's doing
    ("explanation", r"(?:(?!您|你)" + _C + r"){3,16}[,，](?:所以|因此|因而)(?!您|你)"),
    # something under way, a defect, goods to be fetched: why a thing cannot be had now
    ("explanation", r"(?:正在|在)(?:做手术|换展|装修|检修|维修|盘点|消毒|升级|调试|施工)|(?:(?!您|你)" + _C + r"){1,8}?(?:有缺陷|有瑕疵)|从(?:厂家|总部|外地|总仓|仓库)调(?:货|配件)"),
    # the reason for a rule ("为了其他住客的安全，…")
    ("explanation", r"为了(?:(?!您|你)" + _C + r"){0,6}?(?:安全|健康|隐私|卫生|公平|秩序)"),
    ("explanation", r"卡在(?!哪)" + _C + r"{2,}|是" + _C + r"{1,10}?(?:时|的时候)" + _C + r"{0,3}?(?:磕|压|碰|摔|泡|晒)(?:坏|折|松|破|伤)?的"),
    ("explanation", r"(?:系统|机器|设备|线路|网络|电网|光缆|光纤|冲印机)" + _C + r"{0,6}?(?:出了岔子|出了问题|出错|老化|检修|坏了|挖断)"),
    # naming what went wrong on our side ("是我们仓库发错了货"), not only that it was our fault ("是我们的错")
    ("explanation", r"(?<=是)(?:我们|我(?!们)|咱们)(?!的)" + _C + r"{2,10}?(?:没校准|出错|出了问题|出了岔子|错了|压到|弄错|搞错|打错|排错|录错|发错|没分开|漏做)"),
    ("explanation", r"是(?:(?!您|你|自己|用户|客户)" + _C + r"){1,16}?(?:造成的|导致的|引起的)|被我们" + _C + r"{0,6}?误"),
    ("take_responsibility", r"被我们" + _C + r"{0,6}?误"),
    # something extra, in new words ("这顿再打个八折", "房租我少收两百", "往你饭卡里充五十块", "再补您五个小时的练车时长")
    ("compensation", r"打(?:个)?[一二三四五六七八九](?:五)?折|少收|(?:一点|小小的)(?:弥补|心意|补偿)|(?:充|放了?|捎|补(?:您|你))" + _C + r"{0,6}?(?:[一二三四五六七八九十两百\d]+(?:块|元|张|袋|个小时|小时|节|次|天)|券|罐罐|礼包)|不计入|平台出"),
    # a follow-up in new words ("给您准确的说法", "我会一直跟到有结果", "恢复后我再打电话确认", "回侬电话")
    ("follow_up", r"给(?:您|你)(?:一个)?(?:准确的|确切的|明确的)?(?:说法|处理方案|答复|回复)|跟到(?:有结果|底)|一直跟(?:进|着)|(?:回|再回)(?:侬|您|你)电话|滴滴(?:您|你)|拍(?:视频|照片)给(?:您|你)|后(?:我|我们)(?:亲自|再|会)?(?:跟|给)(?:您|你)|后(?:我|我们)(?:亲自|再|会)?打电话"),
    # our own fault in new words ("这件事我们早就该跟您说", "这事我们确实拖得太久了")
    ("take_responsibility", r"(?:我们|我)(?:早就|本该|本来就|早)?(?:该|应该)(?:早点|提前)?(?:跟|告诉|通知)(?:您|你)|拖得太久|(?:赖|怪)(?:我们|咱们|俺们)(?![^,，。！？!?]*[吗?？])"),
    ("compensation", r"(?:再|另外|额外|顺便|还)(?:送|赠|赠送|给您送|送您|送你)(?:您|你)?" + _C + r"{0,2}?[一两二三四五六七八九十\d]+(?:本|张|个|份|次|瓶|盒|束|袋|把|节|支|套|杯|块|斤)"),
    ("solution", r"已经(?:下单|派出|发出|寄出)|(?:也)?可以(?:先|直接|全额)?(?:退|换|改签|延期|转)|返工|赔给(?:您|你)"),
    ("verify_facts", r"把情况(?:问|了解|弄|搞|查|核)清楚|清点|(?:翻了|查了|看了|调了)(?:一下)?" + _C + r"{0,8}?(?:记录|单|监控|录像|流水|日志|单据|底单)|对一对|复查(?!费)"),
    ("timeline", r"这就(?:给|帮|去|为)(?:您|你)"),
    ("compensation", r"(?:额外|另外|再)补" + _C + r"{0,4}?[一两二三四五六七八九十百\d]+(?:元|块)|(?:费|租|钱)" + _C + r"{0,8}?(?:扣掉|减掉|抹掉)"),
    ("compensation", r"不收钱|不要钱|甭给了|算我们的|我们请您|算我们请|全部免费|一分不扣"),
    ("compensation", r"(?:费|钱|租|票价|房费|运费|差价|金)" + _C + r"{0,6}?(?:免了|免掉|不收|减半|减免|打(?:[一二三四五六七八九]|对)折|减一半|全免|免单|给您免)"),
    ("compensation", r"(?:另外|再|额外|外加)" + _C + r"{0,14}?(?:券|红包|积分|礼品|资格|补贴|赠品|优惠)"),
    ("solution", r"(?:冻结|锁)(?:已经)?(?:解除|解开)|包修|包换|包退|补回来|(?:改签|挪|改)到" + _C + r"{1,6}|换到" + _C + r"{1,6}|原路(?:退回|回到|返回|退还|退)|(?:重新|免费)(?:打印|印|洗|冲|配|做|修|装|发|寄)|重(?:冲|洗|印|配)|派(?:车|人|师傅)"),
    ("timeline", r"(?:关门|下班|打烊)前|[零一二三四五六七八九十两半\d]+(?:个)?(?:钟头|小时|分钟)(?:内|之内|以内)"),
    ("timeline", r"(?:今天|今晚|明天|明早|后天|周[一二三四五六日天]|星期[一二三四五六日天]|这周[一二三四五六日天]?|下周[一二三四五六日天]?|本周|月底)(?:上午|下午|晚上|中午|早上|天黑|下班)?(?:[零一二三四五六七八九十两\\d]+点(?:半)?)?(?:前|之前|以前|起|以内)"),
    # a day and what will be done by then ("学生证下周三就能拿到", "明天上午就可以取")
    ("timeline", r"(?:今天|今晚|明天|明早|后天|周[一二三四五六日天]|星期[一二三四五六日天]|这周[一二三四五六日天]?|下周[一二三四五六日天]?)(?:上午|下午|晚上|中午|早上)?(?:[零一二三四五六七八九十两\\d]+点(?:半)?(?:后|以后)?)?(?:就能|就可以|就会|就给您|就帮您)"),
    # asking a third party on the customer's behalf ("我可以替您打电话给他们问一下")
    ("verify_facts", r"(?:替|帮)(?:您|你)" + _C + r"{0,8}?(?:问一下|问问|打听一下|打听)"),
    ("escalate_properly", r"(?:报给|递给|转给|交给|反映给|上报给?|汇报给|请|(?<![您你去])找)(?:我们)?" + _C + r"{0,3}?(?:长|经理|主管|领导|负责人|主任|总监|上级|组长)"),
    ("customer_first", r"(?:先|首先)(?:紧着|顾着|保证|保障|照顾)" + _YOU + r"|(?:安全|身体|人没事)(?:要紧|第一|最要紧|为先|最重要|排第一)"),
)  # fmt: skip
_ACT_NAMES = frozenset(concept for concept, _ in _ACTS)
_IF = re.compile(r"只要|如果|要是|假如|万一|倘若|查出|确认是|核实是")
_SENTENCE_END = re.compile(r"[。！？!?;；\n]")


def _sentence_start(text: str, pos: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    return ends[-1] if ends else 0


# Refusals that are information when the reply takes the matter on ("改签不了，我给您换下一趟").
_SOFT: tuple[tuple[str, str], ...] = (
    (DENY, r"(?:我们|我|这边|公司|店里|中介|窗口|物业|门店|平台)" + _C + r"{0,4}?(?:补不了|退不了|赔不了|管不了|办不了|批不了|修不了|改不了|认不了|"
     r"不给批|不给退|不给补|不给赔|不管这些|不管了|就不管|不赔)"),
    (DENY, r"(?:肯定|绝对|一律|概)不给(?:批|退|补|赔|换|修|办)|处理不了"),
    (DENY, r"归(?!我|谁)" + _C + r"{1,5}?(?:管|负责)|不归(?:我|咱)"),
    (DENY, r"(?<!恢复)(?:系统|服务器|设备|机器|线路|网络)(?:一切|都|完全)?正常"),
    (DENY, r"(?:跟|和|与)" + _C + r"{0,3}?(?:店|公司|影院|中介|物业|窗口|餐厅|网点|柜台|商场|酒店)(?:没关系|没有关系|无关|扯不上关系|不相干)"),
)  # fmt: skip
_COMPILED = tuple(
    [(concept, *compile_with_triggers(p), False) for concept, p in (*_SHAPES, *_ACTS)]
    + [(concept, *compile_with_triggers(p), True) for concept, p in _SOFT]
)
# Naming another party: no fault when the reply takes the matter on as well ("是快递的问题，但我马上帮您追").
_PUSH = re.compile(_ANOTHER_PARTY + "|" + _SENT_ELSEWHERE)


def names_another_party(words: str) -> bool:
    """Whether these words put the matter on another party (a denial only if the reply does nothing itself)."""
    return _PUSH.search(words) is not None


class Shape(NamedTuple):
    """A concept shown by the shape of a sentence: where, which, the words, and whether it is a soft refusal (a
    refusal only when the reply does nothing itself: "这个我们补不了" is one, "改签不了，我给您换下一趟" is not)."""

    start: int
    end: int
    concept: str
    words: str
    soft: bool = False


class _Index(NamedTuple):
    """Which patterns may match a text, found at once: an automaton over every trigger word and character, and
    for each the patterns whose most telling set holds it (a bit mask)."""

    automaton: ahocorasick_rs.AhoCorasick
    owners: dict[str, int]
    always: int  # patterns with no trigger


def _index() -> _Index:
    words = sorted({w for _, _, needs, _ in _COMPILED for need in needs for w in need})
    owners = dict.fromkeys(words, 0)
    always = 0
    for k, (_, _, needs, _) in enumerate(_COMPILED):
        if not needs:
            always |= 1 << k
        for w in needs[0] if needs else ():
            owners[w] |= 1 << k
    return _Index(ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard), owners, always)


_INDEX = _index()


def shapes(text: str) -> list[Shape]:
    """Every shape in normalised text, in order. A pattern runs only where every one of its trigger sets has a
    word in the text: the most telling set is looked up for all patterns at once, the others per pattern."""
    out: list[Shape] = []
    index = _INDEX
    present = set(index.automaton.find_matches_as_strings(text, overlapping=True))
    candidates = index.always
    owners = index.owners
    for w in present:
        candidates |= owners[w]
    while candidates:
        low = candidates & -candidates
        candidates ^= low
        concept, pattern, needs, soft = _COMPILED[low.bit_length() - 1]
        for need in needs[1:]:
            if need.isdisjoint(present):
                break  # the pattern cannot match: it needs one of these words and none is here
        else:
            out += _matches(text, concept, pattern, soft)
    out.sort()
    return out


def _matches(text: str, concept: str, pattern: re.Pattern[str], soft: bool) -> list[Shape]:
    """The pattern's matches that stand: not a feeling taken for blame, not an act in an if-part."""
    out: list[Shape] = []
    for m in pattern.finditer(text):
        start, end = m.span()
        if start == end:
            continue
        words = m.group()
        if concept == BLAME and ("正常" in words or "奇怪" in words or "难免" in words) and _FEELING.search(words):
            continue  # "您着急很正常" understands the customer
        if concept in _ACT_NAMES and _IF.search(text, _sentence_start(text, start), start):
            continue  # "只要查出来是我们发错了，…" promises nothing yet
        out.append(Shape(start, end, concept, words, soft))
    return out
