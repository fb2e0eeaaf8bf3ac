#!/usr/bin/env python3
"""Writes data/common_passwords.json: the passwords and password stems that registration refuses
(src/service/password_policy.cc, docs/api.md "Passwords").

The lists below are the patterns people choose most often, written down by hand: keyboard walks,
digit runs, dates, everyday English words and names, and pinyin words and names (common in
China). A stem is refused with any digits or punctuation before or after it ("Dragon2024!",
"woaini1314"), so stems stay at three letters or more. Run it again after editing:

    python3 tools/common_passwords/generate.py > data/common_passwords.json
"""
import json
import sys

# Whole passwords (lower case) that are refused as they are.
PASSWORDS = """
12345678 123456789 1234567890 0123456789 01234567 87654321 987654321 9876543210
11111111 22222222 33333333 44444444 55555555 66666666 77777777 88888888 99999999 00000000
111111111 1111111111 000000000 0000000000 888888888 666666666 12341234 11223344 12121212
13131313 11112222 12344321 12312312 123123123 123321123 112233445 1122334455 147258369
123654789 159753456 147852369 963852741 741852963 159357159 789456123 456789123 321654987
147147147 258258258 369369369 520520520 5201314520 52013145 13145200 1314520520 52105210
woaini1314 5201314a a5201314 iloveyou1314 qq123456 qq5201314 abc123456 abcd1234 abcd12345
a12345678 a123456789 aa123456 aa12345678 a1234567 q1234567 qwer1234 asdf1234 zxcv1234
1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qaz2wsx3edc 1qazxsw2 2wsx3edc zaq12wsx zaq1zaq1
qazwsxedc qazwsx123 qweasdzxc qweasd123 asdzxc123 1qaz@wsx 1qaz!qaz !qaz2wsx 1qa2ws3ed
qwertyui qwertyuiop asdfghjk asdfghjkl zxcvbnm1 zxcvbnm123 poiuytrewq lkjhgfdsa mnbvcxz
qwerty12 qwerty123 qwerty1234 qwertyu1 asdfgh12 password password1 password12 password123
p@ssw0rd p@ssword passw0rd pa$$word pa55word pa55w0rd p4ssw0rd admin123 admin1234
admin888 administrator root1234 root123456 test1234 test12345 guest123 user1234 default1
changeme changeme1 letmein1 welcome1 welcome123 iloveyou iloveyou1 iloveyou2 trustno1
abcdefgh abcdefg1 abcdefghi abcdefghij aaaaaaaa aaaaaaaa1 abcabcabc abc12345 abcde12345
00001111 10203040 20202020 10101010 12345qwert qwert12345 12qwaszx 123qweasd 123qweasdzxc
1234qwer 1234abcd 12345abc 123456abc 123456qq 123456aa 123456ab 123456zz 123abc123
""".split()

# Stems (lower case, three letters or more), refused alone or with digits or punctuation around.
STEMS = """
password passwd passw0rd secret letmein welcome admin administrator root master login
qwerty qwert qwertz azerty asdf asdfgh zxcv zxcvbn zxcvbnm qazwsx abc abcd abcde abcdef
iloveyou iloveu loveyou lovely love lover loving baby babygirl babyboy sweet sweety sweetie
sunshine princess prince angel angels monkey dragon shadow master michael jordan superman
batman spiderman ironman pokemon pikachu naruto football baseball basketball soccer hockey
tennis golf cricket liverpool chelsea arsenal barcelona madrid juventus manchester united
yankees lakers cowboys eagles tigers lions bears bulls hello hellokitty kitty kitten puppy
doggy doggie cat cats dog dogs tiger lion bear panda bunny rabbit horse pony turtle dolphin
whatever trustno freedom peace happy happiness smile flower flowers rose roses daisy lily
summer winter spring autumn sunday monday friday august october november december january
computer internet google facebook twitter youtube apple samsung iphone android microsoft
windows linux ubuntu server database oracle mysql hacker hacked matrix starwars startrek
killer hunter ranger soldier warrior ninja samurai pirate viking wizard magic merlin
charlie thomas daniel andrew joshua jessica ashley jennifer amanda michelle nicole
matthew robert william richard joseph james david john george peter paul mark steven
jason justin kevin brian chris christopher anthony eric ryan tyler brandon austin
sarah emily emma olivia sophia isabella hannah lauren rachel rebecca samantha stephanie
elizabeth victoria natalie alexander alex alexis taylor morgan jackson harley maggie buster
ginger pepper cookie cookies chocolate cheese banana orange lemon cherry strawberry
butterfly rainbow diamond silver golden gold money money1 dollar rich lucky lucky7 family
friends friend forever together heart soccer1 killer1 mustang ferrari porsche mercedes
bmw audi toyota honda nissan corvette chevy harley yamaha ducati jaguar falcon phoenix
thunder lightning storm ocean river mountain forest jungle desert island paradise heaven
angel1 jesus christ god faith blessed church bible trinity genesis
test tester testing guest user default changeme temp temppass demo sample example
secret1 private public access enter open sesame opensesame
woaini woaiwo aini wobuzhidao buzhidao zhongguo china beijing shanghai shenzhen guangzhou
hangzhou nanjing wuhan chengdu chongqing tianjin xian suzhou xiamen qingdao dalian
aiwo aiai xiaobao baobao baobei beibei xiaoxiao lele dandan huanhuan yangyang mengmeng
tiantian xinxin lili fangfang jingjing tingting lingling honghong pingping huahua
wangyi tencent taobao alibaba baidu weixin wechat qqqq kechuang keji chuangxin
xiaoming xiaohong xiaogang xiaoli xiaolong xiaoyu xiaofeng xiaohui xiaowei xiaojun
laopo laogong woshishui nihao nihaoma zaijian xingfu kuaile pingan jiayou fendou
shengri aiqing yongyuan yibeizi yisheng shengshi tianshi mofa feixiang feiyang
""".split()

# Pinyin surnames and given names: "zhangwei", "liuyang"… are chosen as passwords, often with a
# birthday after them (a stem then).
SURNAMES = """
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei
su lu ding ren shen yao jin qian fu fan zou xiong bai meng qin qiu hou jia xue yan lei long
duan hao shao shi kong mao qiu wan gu lai wen kang
""".split()
GIVEN = """
wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia hua ping
gang gui ying hui hong peng bo bin dan ling fei hao jian jia jin kai lan lin long mei ning
qing rui shan tao ting wen xin xue yu yun zhen zhi hong
""".split()


def main():
    # A stem is what is left once digits and punctuation are cut from both ends, so it starts and
    # ends with a letter.
    stems = set(s for s in STEMS if len(s) >= 3 and s.isascii() and s[0].isalpha() and
                s[-1].isalpha())
    for surname in SURNAMES:
        for given in GIVEN:
            stems.add(surname + given)
    passwords = set(p for p in PASSWORDS if len(p) >= 8)
    out = {
        "about": "Refused passwords and stems; see tools/common_passwords/generate.py",
        "passwords": sorted(passwords),
        "stems": sorted(stems),
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
