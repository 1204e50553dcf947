import { benchCapacity } from "@/bench/capacity";
import { renderTable } from "@/bench/lib/table";
void benchCapacity().then((rows) => { console.log(renderTable(rows)); process.exit(0); });
