"""Minimal Scrapy spider for BenchmarkCrawlVsScrapy: the same work as the bare
colly collector (follow product and next links, extract seven fields), with
concurrency 8, no delay, robots.txt obeyed. Prints "pages listings" at the end.

Run: scrapy runspider bench_spider.py -a start=http://127.0.0.1:PORT/list?page=1
"""
import scrapy
from scrapy import signals


class BenchSpider(scrapy.Spider):
    name = "bench"
    custom_settings = {
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": True,
        "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "RETRY_ENABLED": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }

    def __init__(self, start=None, **kw):
        super().__init__(**kw)
        self.start_urls = [start]
        self.pages = 0
        self.listings = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kw):
        spider = super().from_crawler(crawler, *args, **kw)
        crawler.signals.connect(spider.closed_report, signal=signals.spider_closed)
        return spider

    def parse(self, response):
        self.pages += 1
        for href in response.css("a.product-link::attr(href), a.next::attr(href)").getall():
            yield response.follow(href, self.parse)
        for p in response.css("div.product"):
            _ = {
                "id": p.attrib.get("data-id"),
                "url": response.url,
                "title": p.css("h1::text").get(),
                "description": p.css(".description::text").get(),
                "price": p.css(".price::text").get(),
                "seller": p.css(".seller::text").get(),
                "location": p.css(".origin::text").get(),
            }
            self.listings += 1

    def closed_report(self, spider):
        print(f"{self.pages} {self.listings}")
