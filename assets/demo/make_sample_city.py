#!/usr/bin/env python3
"""Writes sample-city.json: a small, deterministic city for `gengxin-forms figures` and the run
command. Not a test fixture (tests build their own with hand-worked figures); it is here so a new
user sees every indicator computed from records they can read. Run: python3 make_sample_city.py"""
import json, random, uuid

ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W18 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
W9 = [3, 7, 9, 10, 5, 8, 4, 2]

def org_check(body8):
    v = lambda c: int(c) if c.isdigit() else ord(c) - 55
    c = 11 - sum(v(ch) * w for ch, w in zip(body8, W9)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)

def uscc(division, body8):
    first17 = "91" + division + body8 + org_check(body8)
    c = 31 - sum(ALPHA.index(ch) * w for ch, w in zip(first17, W18)) % 31
    return first17 + ALPHA[0 if c == 31 else c]

rnd = random.Random(20241128)
regions = ["331102", "331121", "331122", "331123", "331124", "331125", "331126", "331127",
           "331181", "331100-EDZ"]
division = {r: (r if r[:6] != "331100" else "331100")[:6] for r in regions}
names = ["精工机械", "华宇电机", "绿源竹木", "瓯江阀门", "山水制药", "远航汽配", "恒信轴承", "云峰水电",
         "青瓷文创", "金鼎金属"]
industries = ["3411", "3811", "2039", "3443", "2720", "3670", "3451", "4413", "3072", "3360"]
categories = ["machine_tool", "inspection_equipment", "hydro_generator", "motor", "pump", "fan",
              "compressor", "boiler", "wood_planer", "melting_furnace_fixed", "industrial_robot"]
registry, surveys, equipment, enterprises = [], [], [], []
n = 0
for r in regions:
    for i in range(3):
        n += 1
        code = uscc(division[r], "{:08d}".format(71000000 + n * 37))
        above = not (i == 2 and n % 2 == 0)
        registry.append({"uscc": code, "name": "丽水" + names[(n + i) % 10] + "有限公司",
                         "region": r, "industry_code": industries[n % 10], "above_size": above})
        if i == 2 and n % 3 == 0:
            continue  # not surveyed yet
        sid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        key = rnd.randint(0, 12)
        state = "draft" if n % 7 == 0 else "submitted"
        review = "rejected" if n % 11 == 0 else ("approved" if n % 2 else "none")
        base_e = round(rnd.uniform(200, 3000), 1)
        base_t = round(rnd.uniform(100, 2000), 1)
        fields = {
            "enterprise": code, "period": 2024, "state": state, "visit_date": "2024-0%d-1%d" % (rnd.randint(3, 9), rnd.randint(0, 9)),
            "digital_level": rnd.choice([0, 0, 1, 1, 2, 2, 3, 4]),
            "renovation_status": rnd.choice(["not_started", "in_progress", "completed"]),
            "design_tools": rnd.random() < 0.8, "key_processes": key,
            "key_processes_cnc": rnd.randint(0, key),
            "factory_tier": rnd.choice(["none"] * 6 + ["digital_workshop", "smart_factory", "future_factory"]),
            "robots_total": 10, "robots_added": rnd.randint(0, 6),
            "tech_invest_base_10k": base_t,
            "tech_invest_10k": round(base_t * rnd.uniform(0.85, 1.4), 1),
            "equipment_invest_base_10k": base_e,
            "equipment_invest_10k": round(base_e * rnd.uniform(0.8, 1.5), 1),
            "first_of_kind_invest_10k": round(rnd.uniform(0, 100), 1) if n % 4 == 0 else 0,
        }
        if fields["renovation_status"] == "completed" and fields["digital_level"] == 0:
            fields["digital_level"] = 1
        if fields["design_tools"]:
            fields["design_tool_kinds"] = ["cad2d", "cad3d"][: rnd.randint(1, 2)]
        if fields["factory_tier"] != "none":
            fields["factory_tier_year"] = 2024
        surveys.append({"id": sid, "review": review, "fields": fields})
        for k in range(rnd.randint(1, 4)):
            cat = rnd.choice(categories)
            status = rnd.choice(["in_service"] * 4 + ["planned_renewal", "renewed", "eliminated"])
            ef = {"survey": sid, "category": cat, "name": cat, "quantity": rnd.randint(1, 8),
                  "commissioned_year": rnd.randint(1998, 2023), "status": status,
                  "key_energy": cat in ("motor", "pump", "fan", "compressor", "boiler")}
            if ef["key_energy"]:
                ef["efficiency_level"] = rnd.choice(["advanced", "energy_saving", "access", "below_access", "unknown"])
            if status == "planned_renewal":
                ef["planned_year"] = 2025
            equipment.append({"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "fields": ef})

# an enterprise found in the field, below size, outside the registry
field_found = uscc("331102", "71999999")
enterprises.append({"uscc": field_found, "region": "331102", "above_size": False})
surveys.append({"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "review": "none",
                "fields": {"enterprise": field_found, "period": 2024, "state": "submitted",
                           "tech_invest_base_10k": 50, "tech_invest_10k": 80,
                           "equipment_invest_base_10k": 40, "equipment_invest_10k": 60}})
doc = {"comment": "Generated by make_sample_city.py; a sample, not official data.",
       "period": 2024, "registry": registry, "enterprises": enterprises, "surveys": surveys,
       "equipment": equipment,
       "official": {"331102": {"equipment_mfg_value_added_growth": 0.113},
                    "331100": {"equipment_mfg_value_added_growth": 0.094,
                               "consumer_goods_revenue_growth": 0.105,
                               "digital_core_value_added_growth": 0.131}}}
json.dump(doc, open("sample-city.json", "w"), ensure_ascii=False, indent=1)
print(len(registry), "registry,", len(surveys), "surveys,", len(equipment), "equipment rows")
